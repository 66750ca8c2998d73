namespace Conformance.Specs;

/// <summary>
/// Media types as a document writes them and as a server declares them: the Accept a request sends, whether a type is
/// read as JSON, and whether a documented media range covers a declared type (parameters such as charset aside).
/// </summary>
public static class MediaTypes
{
    /// <summary>Asked for first when an operation names no media type, only ranges such as */*, or none at all.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The Accept header for these documented types: each once, JSON-like ones first, then the rest in the document's
    /// order, then <c>*/*;q=0.1</c> (unless a type already is <c>*/*</c>), so a server may still answer what it has.
    /// </summary>
    public static string Accept(IEnumerable<string> documented)
    {
        var types = documented.Select(t => t.Trim()).Where(t => t.Length > 0 && IsAskable(t))
            .DistinctBy(Base, StringComparer.OrdinalIgnoreCase).ToList();
        if (!types.Any(t => !Base(t).EndsWith("/*", StringComparison.Ordinal))) types.Insert(0, Json); // nothing named, or only ranges: JSON first
        var ordered = types.Where(IsJson).Concat(types.Where(t => !IsJson(t))).ToList();
        if (!ordered.Any(t => Base(t) == "*/*")) ordered.Add("*/*;q=0.1");
        return string.Join(", ", ordered);
    }

    /// <summary>The type without its parameters, lower case: "application/json; charset=utf-8" is "application/json".</summary>
    public static string Base(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>Read as JSON: application/json, any +json type (hal+json, problem+json, geo+json), text/json.</summary>
    public static bool IsJson(string? mediaType)
    {
        if (mediaType is null) return false;
        var type = Base(mediaType);
        return type is "application/json" or "text/json" || (type.Contains('/') && type.EndsWith("+json", StringComparison.Ordinal));
    }

    /// <summary>Whether a documented media range ("*/*", "application/*", or a type) covers the declared type.</summary>
    public static bool Covers(string documented, string declared)
    {
        var (range, type) = (Base(documented), Base(declared));
        return range == "*/*" || range == type || (range.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(range[..^1], StringComparison.Ordinal));
    }

    /// <summary>A type that can go into an Accept header as written: a type/subtype with no line breaks or commas in it.</summary>
    private static bool IsAskable(string mediaType) =>
        Base(mediaType).Split('/') is [{ Length: > 0 }, { Length: > 0 }] && !mediaType.Any(c => c is ',' or '\r' or '\n' || char.IsControl(c));
}
