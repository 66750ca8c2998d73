namespace Conformance.NUnit;

/// <summary>
/// Which vendor profile a suite runs: the fixture's <see cref="ConformanceProfileAttribute"/>, else the run setting
/// ConformanceProfile (a .runsettings TestRunParameters entry, or <c>dotnet test -- TestRunParameters.Parameter(...)</c>),
/// else $CONFORMANCE_PROFILE. A relative path is read from the test assembly's folder.
/// </summary>
internal static class ProfileSource
{
    public const string RunSetting = "ConformanceProfile";
    public const string EnvironmentVariable = "CONFORMANCE_PROFILE";

    public const string Missing =
        $"No vendor profile: mark the fixture [ConformanceProfile(\"vendor.yaml\")], or give the run setting {RunSetting} or ${EnvironmentVariable}.";

    /// <returns>The profile's full path and what named it, or null when nothing does.</returns>
    public static (string Path, string NamedBy)? Find(string? attribute, Func<string, string?> runSetting, Func<string, string?> environment,
        string assemblyFolder)
    {
        (string?, string)[] sources =
        [
            (attribute, "[ConformanceProfile]"),
            (runSetting(RunSetting), $"the run setting {RunSetting}"),
            (environment(EnvironmentVariable), $"${EnvironmentVariable}"),
        ];
        foreach (var (path, namedBy) in sources)
            if (!string.IsNullOrWhiteSpace(path))
                return (Path.GetFullPath(path, assemblyFolder), namedBy);
        return null;
    }
}
