namespace Conformance.Standards;

/// <summary>The installed standards: every standards/ID/profile.yaml.</summary>
public sealed class StandardCatalogue(string root, IReadOnlyCollection<string> knownChecks)
{
    public string Root { get; } = root;

    /// <summary>
    /// Finds the standards folder: $CONFORMANCE_STANDARDS, then the copy beside the program, then the
    /// nearest standards/ above the working directory (a checkout).
    /// </summary>
    public static StandardCatalogue Locate(IReadOnlyCollection<string> knownChecks)
    {
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("CONFORMANCE_STANDARDS"),
            Path.Combine(AppContext.BaseDirectory, "standards"),
        };
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "standards"));
        var found = candidates.FirstOrDefault(c => c is not null && Directory.Exists(c))
            ?? throw new ProfileException("No standards folder found (set CONFORMANCE_STANDARDS to the folder that holds standards/ID/profile.yaml).");
        return new StandardCatalogue(found, knownChecks);
    }

    public IReadOnlyList<string> Ids =>
        Directory.GetDirectories(Root).Where(d => File.Exists(Path.Combine(d, "profile.yaml")))
            .Select(Path.GetFileName).OfType<string>().Order().ToList();

    public Profile Load(string id)
    {
        var file = Path.Combine(Root, id, "profile.yaml");
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9.-]*$") || !File.Exists(file))
            throw new ProfileException($"Unknown standard '{id}' (installed: {string.Join(", ", Ids)}).");
        return ProfileLoader.Load(file, knownChecks);
    }
}
