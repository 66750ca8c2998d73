namespace Conformance.Specs;

/// <summary>
/// Maps remote reference prefixes (as written in a spec's $refs) to local folders, so published specs
/// whose schemas live at absolute URLs can be used offline: --ref-map PREFIX=DIR.
/// </summary>
public sealed class RefMap
{
    private readonly List<(string Prefix, string Directory)> _entries = [];

    public IReadOnlyList<(string Prefix, string Directory)> Entries => _entries;

    public void Add(string prefix, string directory) =>
        _entries.Add((prefix, Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar));

    /// <summary>Parses "PREFIX=DIR"; the prefix is a URL, so the last '=' that follows it splits the pair.</summary>
    public void Add(string mapping)
    {
        var split = mapping.LastIndexOf('=');
        if (split <= 0 || split == mapping.Length - 1)
            throw new ConfigurationException($"--ref-map expects PREFIX=DIR, got '{mapping}'.");
        var directory = mapping[(split + 1)..];
        if (!Directory.Exists(directory))
            throw new ConfigurationException($"--ref-map folder '{directory}' does not exist.");
        Add(mapping[..split], directory);
    }

    /// <summary>
    /// The local file a URI maps to, or null when no prefix matches. The longest prefix wins. A mapped URI is never
    /// fetched: one that leads out of its folder (with ../) is refused.
    /// </summary>
    public string? MapToFile(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Query);
        foreach (var (prefix, directory) in _entries.OrderByDescending(e => e.Prefix.Length))
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = Uri.UnescapeDataString(text[prefix.Length..].TrimStart('/'));
            var full = Path.GetFullPath(Path.Combine(directory, rest));
            return full.StartsWith(directory, StringComparison.Ordinal)
                ? full
                : throw new SpecLoadException($"'{uri}' was not read: it leads out of the folder --ref-map maps {prefix} to.");
        }
        return null;
    }
}
