using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Conformance.Http;

/// <summary>
/// Keeps secrets out of everything the harness writes. Servers echo keys back (in links, errors, bodies, headers),
/// and in any encoding: each secret is masked as written raw, URL-escaped (any case, any character), JSON-escaped
/// (\uXXXX for any character), XML-escaped (entities and character references) and base64-encoded; a credential's
/// token part ("Bearer X", "Basic X") and a basic password are secrets of their own.
/// </summary>
/// <remarks>
/// No pattern is matched: the text is read once as written and once through each decoding it holds
/// (<see cref="EscapedText"/>), and every form of every secret is looked for in each by ordinal multi-string search.
/// That is linear in the text and cannot time out. Text that still cannot be searched (it cannot be decoded, or
/// memory runs out) is withheld whole, never written as it came.
/// </remarks>
public static class Redaction
{
    /// <summary>Secrets this short would mask ordinary text; none of a real credential's length is.</summary>
    private const int ShortestSecret = 4;

    public const string Masked = "***";

    private static readonly ConcurrentDictionary<string, Forms?> Cache = new();

    public static string Mask(string text, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0 || text.Length == 0) return text;
        try
        {
            var key = string.Join('\0', secrets);
            var forms = Cache.Count > 64 ? Forms.Of(secrets) : Cache.GetOrAdd(key, _ => Forms.Of(secrets));
            if (forms is null) return text;
            var found = new List<Range>();
            forms.FindIn(text, found);
            foreach (var decoding in EscapedText.DecodingsIn(text, forms.HoldEscapes))
            {
                using var view = EscapedText.Decode(text, decoding);
                if (view.DecodedAny) forms.FindIn(view, found);
            }
            return found.Count == 0 ? text : Replace(text, found);
        }
        catch (Exception e) // whatever went wrong, the text was not searched: it is not written
        {
            return Withheld(text.Length, e.GetType().Name);
        }
    }

    /// <summary>What is written instead of text that could not be searched for secrets.</summary>
    public static string Withheld(long characters, string why) =>
        $"[withheld: {characters} characters that could not be searched for secrets ({why})]";

    /// <summary>Whether a value would be masked: a progress line or an id must never print a secret.</summary>
    public static bool Holds(string text, IReadOnlyCollection<string> secrets) => Mask(text, secrets) != text;

    /// <summary>The text with each place a secret was found replaced by <see cref="Masked"/>; overlapping places are one.</summary>
    private static string Replace(string text, List<Range> found)
    {
        found.Sort((a, b) => a.Start.Value.CompareTo(b.Start.Value));
        var masked = new StringBuilder(text.Length);
        var written = 0;
        var i = 0;
        while (i < found.Count)
        {
            var (start, end) = (found[i].Start.Value, found[i].End.Value);
            for (i++; i < found.Count && found[i].Start.Value < end; i++) end = Math.Max(end, found[i].End.Value);
            masked.Append(text, written, start - written).Append(Masked);
            written = end;
        }
        return masked.Append(text, written, text.Length - written).ToString();
    }

    /// <summary>Every form a set of secrets is looked for in: each secret, its parts, and their base64.</summary>
    private sealed class Forms
    {
        private readonly string[] _forms;
        private readonly SearchValues<string> _search;

        private Forms(string[] forms)
        {
            _forms = forms;
            _search = SearchValues.Create(forms, StringComparison.Ordinal);
            HoldEscapes = forms.Any(f => f.AsSpan().IndexOfAny("\\%&") >= 0);
        }

        /// <summary>Some form holds a character that starts an escape, so each kind of escape is also read alone.</summary>
        public bool HoldEscapes { get; }

        public static Forms? Of(IReadOnlyCollection<string> secrets)
        {
            var forms = secrets.SelectMany(Expand).Where(s => s.Length >= ShortestSecret).Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length).ToArray();
            return forms.Length == 0 ? null : new Forms(forms);
        }

        /// <summary>Where any form occurs in the text as written, overlapping occurrences included.</summary>
        public void FindIn(string text, List<Range> found)
        {
            var span = text.AsSpan();
            for (var at = 0; at < span.Length;)
            {
                var next = span[at..].IndexOfAny(_search);
                if (next < 0) return;
                at += next;
                found.Add(new Range(at, at + Longest(span[at..])));
                at++;
            }
        }

        /// <summary>Where any form occurs in the decoded text, as places in the text as written.</summary>
        public void FindIn(EscapedText view, List<Range> found)
        {
            var span = view.Decoded;
            for (var at = 0; at < span.Length;)
            {
                var next = span[at..].IndexOfAny(_search);
                if (next < 0) return;
                at += next;
                found.Add(view.Written(at, at + Longest(span[at..])));
                at++;
            }
        }

        private int Longest(ReadOnlySpan<char> text)
        {
            foreach (var form in _forms) // longest first
                if (text.StartsWith(form, StringComparison.Ordinal)) return form.Length;
            throw new InvalidOperationException("the search found a form no form starts with");
        }
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
}
