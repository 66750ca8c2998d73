using System.Text.RegularExpressions;

namespace Conformance.Specs;

/// <summary>
/// Path segments that move up or stay in place ("." and ".."), however they are spelt, read as a lenient server may
/// read a path: %2E as "." (RFC 3986 §2.3 makes them equivalent), and %2F, %5C and "\" as separators. A spec path
/// holding one could address a path outside the base URL's, so it is never requested.
/// </summary>
public static partial class DotSegments
{
    /// <summary>The path's segments, split wherever such a server might split it.</summary>
    public static string[] Segments(string path) => Separators().Split(path);

    /// <summary>Whether a segment is "." or "..", plain or percent-encoded (%2E, %2e).</summary>
    public static bool Is(string segment) => Dots(segment) is "." or "..";

    /// <summary>Whether a segment is "..", plain or percent-encoded.</summary>
    public static bool IsUp(string segment) => Dots(segment) == "..";

    /// <summary>Whether a path (a spec's template, "/a/../x") has a dot segment.</summary>
    public static bool In(string path) => Segments(path).Any(Is);

    private static string Dots(string segment) => segment.Replace("%2E", ".", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"/|\\|%2[Ff]|%5[Cc]")]
    private static partial Regex Separators();
}
