namespace Conformance.Text;

/// <summary>A path that would leave the folder it must stay in (an output folder given by --out).</summary>
public sealed class PathOutsideException(string message) : IOException(message);

/// <summary>
/// Paths built under a folder the user chose: resolved (dot segments, absolute parts) and checked to stay inside it,
/// and never through a symbolic link below it, which could lead anywhere.
/// </summary>
public static class Contained
{
    /// <summary>The full path of <paramref name="parts"/> under <paramref name="root"/>, or a <see cref="PathOutsideException"/>.</summary>
    public static string Path(string root, params string[] parts)
    {
        var top = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root));
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine([top, .. parts]));
        if (!IsInside(top, full))
            throw new PathOutsideException($"'{string.Join('/', parts)}' would be written outside {top}: refused.");
        // A link inside the folder (made by someone else) could send the write anywhere.
        for (var at = System.IO.Path.GetDirectoryName(full); at is not null && at.Length > top.Length; at = System.IO.Path.GetDirectoryName(at))
        {
            if (new FileInfo(at).LinkTarget is not null)
                throw new PathOutsideException($"{at} is a symbolic link: nothing is written through it.");
        }
        if (new FileInfo(full) is { LinkTarget: not null })
            throw new PathOutsideException($"{full} is a symbolic link: nothing is written through it.");
        return full;
    }

    /// <summary>Whether <paramref name="full"/> (resolved) is <paramref name="top"/> itself or below it.</summary>
    public static bool IsInside(string top, string full)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        top = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(top));
        full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(full));
        var prefix = System.IO.Path.EndsInDirectorySeparator(top) ? top : top + System.IO.Path.DirectorySeparatorChar;
        return full.Equals(top, comparison) || full.StartsWith(prefix, comparison);
    }
}
