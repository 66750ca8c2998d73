using System.Text;

namespace Conformance.Clients;

/// <summary>Where a request carried an argument.</summary>
public enum ArgumentPlace { Path, Query, Header, Form }

/// <summary>One argument of a request, decoded, and where it came.</summary>
public sealed record Argument(string Name, string Value, ArgumentPlace Place);

/// <summary>
/// Reads a query string or an application/x-www-form-urlencoded body into its pairs, in order, as the WHATWG URL
/// standard does: '+' is a space, percent escapes are decoded as UTF-8, and what cannot be decoded stays as written.
/// Never throws: a client's text is judged, not trusted.
/// </summary>
public static class Arguments
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.TrimStart('?').Split('&'))
        {
            if (part.Length == 0) continue;
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return pairs;
    }

    /// <summary>A form body's pairs; a body that is not UTF-8 is read with replacement characters.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseForm(byte[] body) => Parse(Encoding.UTF8.GetString(body));

    private static string Decode(string text)
    {
        var plus = text.Replace('+', ' ');
        if (!plus.Contains('%')) return plus;
        var bytes = new List<byte>(plus.Length);
        for (var i = 0; i < plus.Length; i++)
        {
            if (plus[i] == '%' && i + 2 < plus.Length && Uri.IsHexDigit(plus[i + 1]) && Uri.IsHexDigit(plus[i + 2]))
            {
                bytes.Add(Convert.ToByte(plus.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(plus[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
