using System.Text.RegularExpressions;
using System.Text;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Evidence;

/// <summary>URLs on the target (the URL a request goes to, the values in its query) and the path templates they are built from (a spec's parameters, the list above an /{id} path).</summary>
public static partial class TargetUrls
{
    public static IEnumerable<string> ParameterNames(string path) => Parameter().Matches(path).Select(m => m.Groups[1].Value);

    /// <summary>
    /// "/services/{id}" → "/services" when the path ends in a single parameter segment; an extension stays
    /// with the list ("/services/{service_code}.xml" → "/services.xml").
    /// </summary>
    public static string? ParentList(string path)
    {
        if (path.Length > 1) path = path.TrimEnd('/'); // "/things/{id}/" has the parent "/things" too
        var slash = path.LastIndexOf('/');
        if (slash <= 0) return null;
        var last = Regex.Match(path[(slash + 1)..], @"^\{[^{}]+\}(?<extension>\.[A-Za-z0-9]+)?$");
        var parent = path[..slash];
        return last.Success && !parent.Contains('{') ? parent + last.Groups["extension"].Value : null;
    }

    /// <summary>
    /// Fills {name} from known values, each value one path segment: every character but the unreserved ones
    /// percent-encoded ("a/b" is "a%2Fb", "%2e" is "%252e"), and a segment that would be "." or ".." spelt %2E or
    /// %2E%2E, so that no value is a separator or a dot segment. Unknown names stay as they are.
    /// </summary>
    public static string Fill(string path, IReadOnlyDictionary<string, string> values) =>
        Fill(path, name => values.TryGetValue(name, out var v) ? v : null, escapeLiterals: false);

    /// <summary>
    /// The base URL's path, then the operation's (its parameters filled with an id, each value one segment); the base
    /// URL's own query (e.g. a key) is kept. Built as text and sent as built (<see cref="ExactUrl"/>).
    /// </summary>
    /// <exception cref="UnsafeUrlException">The URL would address a path outside the base URL's, read as a server that
    /// decodes %2E, %2F and %5C might read it: it must not be requested.</exception>
    public static Uri Url(Uri baseUrl, string path, string? id = null, string? query = null)
    {
        var filled = Fill(path, _ => id, escapeLiterals: true);
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var queries = Join(baseUrl.Query.TrimStart('?'), query ?? "");
        var url = ExactUrl.Of($"{baseUrl.GetLeftPart(UriPartial.Authority)}{basePath}{filled}{(queries.Length > 0 ? "?" + queries : "")}");
        if (!Within(basePath, basePath + filled))
            throw new UnsafeUrlException($"{url.AbsoluteUri} would address a path outside the base URL's ({(basePath.Length > 0 ? basePath : "/")}): it is never requested");
        return url;
    }

    /// <summary>Fills each segment's parameters; a segment that comes out as "." or ".." (from "{a}{b}") has its dots encoded.</summary>
    private static string Fill(string path, Func<string, string?> value, bool escapeLiterals) =>
        string.Join('/', path.Split('/').Select(segment =>
        {
            var filled = new StringBuilder();
            var at = 0;
            foreach (Match parameter in Parameter().Matches(segment))
            {
                filled.Append(Literal(segment[at..parameter.Index], escapeLiterals));
                filled.Append(value(parameter.Groups[1].Value) is { } v ? Uri.EscapeDataString(v) : Literal(parameter.Value, escapeLiterals));
                at = parameter.Index + parameter.Length;
            }
            filled.Append(Literal(segment[at..], escapeLiterals));
            return filled.ToString() is "." or ".." && segment.Contains('{') ? filled.Replace(".", "%2E").ToString() : filled.ToString();
        }));

    /// <summary>A spec's own text in a path: what a path segment may hold as it is (RFC 3986 pchar, and %XX) kept, the rest percent-encoded.</summary>
    private static string Literal(string text, bool escape)
    {
        if (!escape) return text;
        var escaped = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@".Contains(c)
                || (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2])))
                escaped.Append(c);
            else
            {
                var length = char.IsSurrogatePair(text, i) ? 2 : 1;
                escaped.Append(Uri.EscapeDataString(text.Substring(i, length)));
                i += length - 1;
            }
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Whether a path stays under the base path once dot segments are taken out as a lenient server would: %2E read as
    /// ".", and %2F, %5C and "\" as separators. Only a path that stays under it even so is requested.
    /// </summary>
    private static bool Within(string basePath, string path)
    {
        var under = Resolved(basePath);
        var resolved = Resolved(path);
        return resolved.Count >= under.Count && under.SequenceEqual(resolved.Take(under.Count), StringComparer.Ordinal);
    }

    private static List<string> Resolved(string path)
    {
        var segments = DotSegments.Segments(path).Skip(1).ToList(); // the first is before the leading "/"
        var resolved = new List<string>();
        foreach (var segment in segments)
        {
            if (DotSegments.IsUp(segment))
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
            }
            else if (!DotSegments.Is(segment) && segment.Length > 0) resolved.Add(segment); // "//" is dropped: ".." then climbs further
        }
        return resolved;
    }

    /// <summary>The id asked for at an /{id} endpoint the vendor declared not implemented, when no real one is known.</summary>
    public const string AbsentId = "conformance-declared-not-implemented";

    /// <summary>Query strings joined, the empty ones left out.</summary>
    public static string Join(params string[] queries) => string.Join("&", queries.Where(q => q.Length > 0));

    /// <summary>Values in the base URL's query are treated as secrets: that is where keys go.</summary>
    public static IEnumerable<string> QueryValues(Uri baseUrl) =>
        baseUrl.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=', 2).ElementAtOrDefault(1) ?? ""));

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Parameter();
}
