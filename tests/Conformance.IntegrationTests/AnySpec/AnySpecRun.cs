using System.Text.Json.Nodes;

namespace Conformance.IntegrationTests.AnySpec;

/// <summary>A run of the real program on a small document of our own (and a vendor profile, if given), with its report.json read back.</summary>
public sealed record AnySpecRun(IntegrationTests.Cli.Result Program, JsonObject? Report)
{
    public static async Task<AnySpecRun> Of(string document, string url, string? profile = null, params string[] more)
    {
        var dir = IntegrationTests.Cli.TempDir();
        var spec = Path.Combine(dir, document.TrimStart().StartsWith('{') ? "openapi.json" : "openapi.yaml");
        await File.WriteAllTextAsync(spec, document);
        var args = new List<string> { "run", "--spec", spec, "--url", url, "--out", Path.Combine(dir, "out"), "--rate", "unlimited", "--format", "json" };
        if (profile is not null)
        {
            var file = Path.Combine(dir, "vendor.yaml");
            await File.WriteAllTextAsync(file, profile);
            args.AddRange(["--profile", file]);
        }
        args.AddRange(more);
        var result = await IntegrationTests.Cli.RunAsync([.. args]);
        var report = Path.Combine(dir, "out", "report.json");
        return new AnySpecRun(result, File.Exists(report) ? JsonNode.Parse(await File.ReadAllTextAsync(report))!.AsObject() : null);
    }

    public string Verdict => Report?["verdict"]?.ToString() ?? $"no report (exit {Program.ExitCode}): {Program.All}";

    public IEnumerable<JsonObject> Results => Report?["results"]?.AsArray().OfType<JsonObject>() ?? [];

    public JsonObject Result(string check, string operation) =>
        Results.FirstOrDefault(r => r["check"]?.ToString() == check && r["operation"]?.ToString() == operation)
        ?? throw new AssertionException($"no {check} result for {operation}:\n{Describe()}");

    public string Outcome(string check, string operation) => Result(check, operation)["outcome"]!.ToString();

    public IEnumerable<JsonObject> Exchanges => Report?["exchanges"]?.AsArray().OfType<JsonObject>() ?? [];

    public IEnumerable<string> Diagnostics => Report?["diagnostics"]?.AsArray().OfType<JsonObject>().Select(d => $"{d["location"]}: {d["message"]}") ?? [];

    /// <summary>Every result not a pass, for an assertion's message.</summary>
    public string Describe() => Report is null ? Program.All
        : string.Join("\n", Results.Where(r => r["outcome"]?.ToString() != "pass").Select(r => $"{r["outcome"]} {r["check"]} {r["operation"]}: {r["message"]}"))
          + "\n" + string.Join("\n", Diagnostics);
}
