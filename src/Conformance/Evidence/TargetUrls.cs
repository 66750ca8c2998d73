using System.Text.RegularExpressions;

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

    /// <summary>Fills {name} from known values, escaped; unknown names stay as they are.</summary>
    public static string Fill(string path, IReadOnlyDictionary<string, string> values) =>
        Parameter().Replace(path, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v) : m.Value);

    /// <summary>The base URL's path, then the operation's (its parameters filled with an id); the base URL's own query (e.g. a key) is kept.</summary>
    public static Uri Url(Uri baseUrl, string path, string? id = null, string? query = null)
    {
        var filled = id is null ? path : Parameter().Replace(path, Uri.EscapeDataString(id));
        var builder = new UriBuilder(baseUrl);
        builder.Path = builder.Path.TrimEnd('/') + filled;
        var queries = new[] { baseUrl.Query.TrimStart('?'), query ?? "" }.Where(q => q.Length > 0);
        builder.Query = string.Join("&", queries);
        return builder.Uri;
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
