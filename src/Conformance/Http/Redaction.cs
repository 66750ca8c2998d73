using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;

namespace Conformance.Http;

/// <summary>
/// Keeps secrets out of everything the harness writes. Servers echo keys back (in links, errors, bodies, headers),
/// and in any encoding: each secret is masked as written raw, URL-escaped (any case, any character), JSON-escaped
/// (\uXXXX for any character), XML-escaped (entities and character references) and base64-encoded; a credential's
/// token part ("Bearer X", "Basic X") and a basic password are secrets of their own.
/// </summary>
public static class Redaction
{
    /// <summary>Secrets this short would mask ordinary text; none of a real credential's length is.</summary>
    private const int ShortestSecret = 4;

    public const string Masked = "***";

    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new();

    public static string Mask(string text, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0 || text.Length == 0) return text;
        var key = string.Join('\0', secrets);
        var pattern = Patterns.Count > 64 ? Build(secrets) : Patterns.GetOrAdd(key, _ => Build(secrets));
        return pattern?.Replace(text, Masked) ?? text;
    }

    /// <summary>Whether a value would be masked: a progress line or an id must never print a secret.</summary>
    public static bool Holds(string text, IReadOnlyCollection<string> secrets) => Mask(text, secrets) != text;

    /// <summary>Every form a secret may be echoed in, as one pattern; longest secrets first so none is masked in part.</summary>
    private static Regex? Build(IReadOnlyCollection<string> secrets)
    {
        var all = secrets.SelectMany(Expand).Where(s => s.Length >= ShortestSecret).Distinct()
            .OrderByDescending(s => s.Length).Select(Encoded).ToList();
        return all.Count == 0 ? null : new Regex(string.Join('|', all), RegexOptions.CultureInvariant);
    }

    /// <summary>The secret, its token part, a basic credential's password and pair, and the base64 forms of each.</summary>
    private static IEnumerable<string> Expand(string secret) =>
        Parts(secret).SelectMany(part => new[] { part }.Concat(Base64(part)));

    private static IEnumerable<string> Parts(string secret)
    {
        yield return secret;
        var space = secret.IndexOf(' ');
        if (space <= 0 || !secret[..space].All(char.IsAsciiLetter)) yield break;
        var token = secret[(space + 1)..].Trim();
        yield return token;
        if (secret[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase) && Decoded(token) is { } pair)
        {
            yield return pair;
            if (pair.IndexOf(':') is var colon and >= 0) yield return pair[(colon + 1)..];
        }
    }

    private static IEnumerable<string> Base64(string text)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        yield return base64;
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string? Decoded(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The secret with each character matched in any of its encodings.</summary>
    private static string Encoded(string secret)
    {
        var pattern = new StringBuilder("(?:");
        for (var i = 0; i < secret.Length; i++)
        {
            var unit = secret.Substring(i, char.IsSurrogatePair(secret, i) ? 2 : 1);
            pattern.Append(Character(unit));
            i += unit.Length - 1;
        }
        return pattern.Append(')').ToString();
    }

    private static string Character(string unit)
    {
        var forms = new List<string> { Regex.Escape(unit) };
        // JSON: \uXXXX for each UTF-16 unit, and the short escapes.
        forms.Add(string.Concat(unit.Select(c => $@"\\u(?i:{(int)c:x4})")));
        if (unit is "\"" or "\\" or "/") forms.Add(@"\\" + Regex.Escape(unit));
        // URL: %XX for each UTF-8 byte, in either case; '+' for a space in a query.
        forms.Add(string.Concat(Encoding.UTF8.GetBytes(unit).Select(b => $"%(?i:{b:x2})")));
        if (unit == " ") forms.Add(@"\+");
        // XML and HTML: decimal and hexadecimal character references, and the named entities.
        var code = char.ConvertToUtf32(unit, 0);
        forms.Add($"&#0*{code.ToString(CultureInfo.InvariantCulture)};");
        forms.Add($"&#[xX]0*(?i:{code:x});");
        forms.AddRange(unit switch
        {
            "&" => ["&amp;"],
            "<" => ["&lt;"],
            ">" => ["&gt;"],
            "\"" => ["&quot;"],
            "'" => ["&apos;"],
            _ => [],
        });
        return $"(?:{string.Join('|', forms)})";
    }
}
