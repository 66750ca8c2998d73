using System.Diagnostics;

namespace Conformance.IntegrationTests;

/// <summary>The dotnet command as a developer types it (build, test, pack, tool install), in a folder the test chooses.</summary>
public static class Dotnet
{
    public static Task<Cli.Result> RunAsync(string folder, TimeSpan bound, params string[] args) => RunAsync(folder, bound, null, args);

    public static Task<Cli.Result> RunAsync(string folder, TimeSpan bound, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // No MSBuild nodes or compiler server left running after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Cli.RunAsync(start, bound);
    }
}
