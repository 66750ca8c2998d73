using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// The targets `--profiles` names: a glob of vendor profiles (`vendor-profiles/*.yaml`, `feeds/**/*.yaml`), one
/// profile, a folder (every *.yaml in it), or a list file with one profile path or glob a line (relative to the list
/// file; blank lines and lines starting with # are ignored).
/// </summary>
public static class TargetList
{
    public static IReadOnlyList<MonitorTarget> Resolve(string profiles)
    {
        var paths = IsProfile(profiles) || HasWildcard(profiles) || Directory.Exists(profiles)
            ? Expand(profiles, Directory.GetCurrentDirectory())
            : FromListFile(profiles);
        if (paths.Count == 0) throw new ConfigurationException($"--profiles '{profiles}' names no vendor profile.");
        var targets = paths.Distinct().Select(MonitorTarget.Of).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        foreach (var twice in targets.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            throw new ConfigurationException(
                $"Two vendor profiles are named '{twice.Key}' ({string.Join(", ", twice.Select(t => t.ProfilePath))}): a target is known by its file name, so each must be unique.");
        // Folders are given out over the whole list, so every shard of it names each target's folder alike.
        var folders = SafeName.Distinct(targets.Select(t => t.Id));
        return targets.Select((t, i) => t with { Folder = folders[i] }).ToList();
    }

    private static List<string> FromListFile(string listFile)
    {
        if (!File.Exists(listFile)) throw new ConfigurationException($"--profiles '{listFile}' is neither a glob, a vendor profile, a folder nor a list file.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(listFile))!;
        var paths = new List<string>();
        foreach (var (line, number) in File.ReadAllLines(listFile).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var found = Expand(line, folder);
            if (found.Count == 0) throw new ConfigurationException($"{listFile}:{number}: '{line}' names no vendor profile.");
            paths.AddRange(found);
        }
        return paths;
    }

    /// <summary>A path, folder or glob, relative to <paramref name="folder"/>. Wildcards (* ? **) are allowed in the file name and in folder names.</summary>
    private static List<string> Expand(string pattern, string folder)
    {
        var full = Path.GetFullPath(pattern, folder);
        if (Directory.Exists(full)) return Sorted(Directory.EnumerateFiles(full).Where(IsProfile));
        if (!HasWildcard(full)) return File.Exists(full) ? [full] : [];
        var parts = full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var firstWild = Array.FindIndex(parts, HasWildcard);
        var root = string.Join(Path.DirectorySeparatorChar, parts[..firstWild]);
        if (root.Length == 0) root = Path.DirectorySeparatorChar.ToString();
        return Sorted(Match(root, parts[firstWild..]));
    }

    private static IEnumerable<string> Match(string folder, string[] rest)
    {
        if (!Directory.Exists(folder)) yield break;
        var head = rest[0];
        if (rest.Length == 1)
        {
            foreach (var file in Directory.EnumerateFiles(folder, head)) yield return file;
            yield break;
        }
        if (head == "**")
        {
            foreach (var found in Match(folder, rest[1..])) yield return found;
            foreach (var sub in Directory.EnumerateDirectories(folder))
            foreach (var found in Match(sub, rest)) yield return found;
            yield break;
        }
        foreach (var sub in Directory.EnumerateDirectories(folder, head))
        foreach (var found in Match(sub, rest[1..])) yield return found;
    }

    private static List<string> Sorted(IEnumerable<string> paths) => paths.Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool HasWildcard(string text) => text.IndexOfAny(['*', '?']) >= 0;

    private static bool IsProfile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
