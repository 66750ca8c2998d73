using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Conformance.IntegrationTests.Drift;

/// <summary>
/// The npm package openapi-diff (Atlassian), a well-known diff tool nobody here wrote: installed into
/// Drift/.tools (gitignored) when missing, and run through openapi-diff-runner.js. Where node or npm is missing, or the
/// registry cannot be reached, the test that needs it is skipped with the reason.
/// </summary>
public static class OpenApiDiffTool
{
    public const string Version = "0.24.1";

    private static readonly string Folder = Path.Combine(Checkout.Root, "tests", "Conformance.IntegrationTests", "Drift");
    private static readonly string Tools = Path.Combine(Folder, ".tools");
    private static readonly Lazy<Task<string?>> Installed = new(InstallAsync);

    /// <summary>What openapi-diff says of a pair: its result, or why it refused the documents.</summary>
    public static async Task<JsonObject> DiffAsync(string before, string after)
    {
        if (await Installed.Value is { } why) Assert.Ignore($"openapi-diff is not available here: {why}");
        var output = Path.Combine(Path.GetTempPath(), $"openapi-diff-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(Folder, "openapi-diff-runner.js"), before, after, output])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["NODE_PATH"] = Path.Combine(Tools, "node_modules");
            var result = await Cli.RunAsync(start, TimeSpan.FromMinutes(3));
            Assert.That(File.Exists(output), $"openapi-diff wrote nothing (exit {result.ExitCode}): {result.All}");
            return (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static async Task<string?> InstallAsync()
    {
        if (File.Exists(Path.Combine(Tools, "node_modules", "openapi-diff", "package.json"))) return null;
        try
        {
            Directory.CreateDirectory(Tools);
            var start = new ProcessStartInfo("npm", ["install", "--prefix", Tools, "--no-audit", "--no-fund", "--no-save", $"openapi-diff@{Version}"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            var result = await Cli.RunAsync(start, TimeSpan.FromMinutes(5));
            return result.ExitCode == 0 && File.Exists(Path.Combine(Tools, "node_modules", "openapi-diff", "package.json"))
                ? null
                : $"npm install openapi-diff@{Version} failed (exit {result.ExitCode}): {result.Error.Trim().Split('\n').LastOrDefault()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"npm cannot be started ({e.Message})";
        }
    }
}
