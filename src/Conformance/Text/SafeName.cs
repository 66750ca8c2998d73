using System.Security.Cryptography;
using System.Text;

namespace Conformance.Text;

/// <summary>
/// File and folder names made from outside text (a profile's name, a target's id). A name that is already safe is
/// kept as it is; any other has its unsafe characters replaced by <c>_</c> and the first 8 hex digits of its SHA-256
/// added, so two names that differ stay apart. Safe means: no path separator or character Windows refuses, no control
/// or bidirectional character, not empty, not dots only, not a device name (CON, NUL, COM1…, on any extension), no
/// trailing dot or space, at most <see cref="MostBytes"/> bytes of UTF-8.
/// </summary>
public static class SafeName
{
    public const int MostBytes = 100;

    private static readonly string[] Devices = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" }), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"];

    public static string Of(string? name)
    {
        name ??= "";
        if (IsSafe(name)) return name;
        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                kept.Append(name, i++, 2);
                continue;
            }
            kept.Append(IsUnsafe(name[i]) || char.IsSurrogate(name[i]) ? '_' : name[i]);
        }
        var stem = Cut(kept.ToString().Trim().TrimEnd('.'), MostBytes - 9);
        if (stem.Trim('.').Length == 0 || IsDevice(stem)) stem = "_" + stem;
        // Over the UTF-16 code units as they are: an encoder would make every lone surrogate U+FFFD, and two names one.
        var digest = Convert.ToHexStringLower(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(name.AsSpan())))[..8];
        return $"{stem}-{digest}";
    }

    /// <summary>Whether <paramref name="name"/> may be used as it is.</summary>
    public static bool IsSafe(string name) =>
        name.Length > 0 && name.Trim('.').Length > 0 && !name.Any(IsUnsafe) && !Visible.NeedsEscape(name)
        && name[^1] is not ('.' or ' ') && name[0] != ' ' && !IsDevice(name) && Encoding.UTF8.GetByteCount(name) <= MostBytes;

    /// <summary>
    /// Safe names for many items at once, each distinct from the others even where the file system ignores case: a
    /// name taken already gets <c>-2</c>, <c>-3</c>… (in the order given, so the same list gets the same names).
    /// </summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var safe = Of(name);
            var chosen = safe;
            for (var n = 2; !taken.Add(chosen); n++) chosen = $"{Cut(safe, MostBytes - 8)}-{n}";
            result.Add(chosen);
        }
        return result;
    }

    /// <summary>A character a name may not hold (a lone surrogate is found by <see cref="Visible.NeedsEscape(string, bool)"/>, a pair is fine).</summary>
    private static bool IsUnsafe(char c) => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || Visible.IsForbidden(c);

    private static bool IsDevice(string name)
    {
        var stem = name.Split('.')[0].TrimEnd(' ');
        return Devices.Contains(stem, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>At most <paramref name="bytes"/> bytes of UTF-8, never half a character.</summary>
    private static string Cut(string text, int bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= bytes) return text;
        var cut = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > bytes) break;
            cut.Append(rune.ToString());
        }
        return cut.ToString();
    }
}
