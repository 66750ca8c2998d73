namespace Conformance.Drift;

/// <summary>Formats as drift compares them: the same name, or a narrower number format within a wider one.</summary>
internal static class Formats
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["datetime"] = "date-time", // ORUK 3.0 writes this; JSON Schema's name is date-time
    };

    /// <summary>Every value of <paramref name="inner"/>'s format is a value of <paramref name="outer"/>'s.</summary>
    public static bool Within(string? inner, string? outer)
    {
        inner = inner is null ? null : Aliases.GetValueOrDefault(inner, inner);
        outer = outer is null ? null : Aliases.GetValueOrDefault(outer, outer);
        return outer is null || string.Equals(inner, outer, StringComparison.OrdinalIgnoreCase)
            || (inner, outer) is ("int32", "int64") or ("float", "double")
            // The widest number formats say little a JSON number does not: no format within them is no narrowing.
            || (inner is null && outer is "int64" or "double");
    }

    public static bool Same(string? a, string? b) => Within(a, b) && Within(b, a);
}
