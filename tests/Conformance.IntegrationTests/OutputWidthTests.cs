using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>
/// Every command's output piped into a non-terminal, as a CI log receives it, reads at 100 columns: no line is longer
/// than 120 characters, except a URL or a curl line (kept whole on a line of its own, so it can be copied).
/// </summary>
[NonParallelizable]
public class OutputWidthTests
{
    private const int Longest = 120;

    private static readonly string[] Commands = ["run", "drift", "standards", "describe", "serve", "keygen", "verify", "defects", "monitor", "history", "diff", "merge"];

    private static void AssertFits(string what, string output)
    {
        var tooLong = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > Longest && !UrlOrCurl(l)).ToList();
        Assert.That(tooLong, Is.Empty, $"{what}: lines longer than {Longest} characters");
    }

    /// <summary>A line that is one URL (a word holding "://"), or a curl command line.</summary>
    private static bool UrlOrCurl(string line)
    {
        var text = line.Trim();
        return text.StartsWith("curl ", StringComparison.Ordinal) || (!text.Contains(' ') && text.Contains("://", StringComparison.Ordinal));
    }

    private static async Task<Cli.Result> Fits(params string[] args)
    {
        var result = await Cli.RunAsync(TimeSpan.FromMinutes(4), args);
        Assert.That(result.Output, Is.Not.Empty, string.Join(' ', args));
        AssertFits("conformance " + string.Join(' ', args), result.All);
        return result;
    }

    [Test]
    public async Task Help_and_version_fit()
    {
        await Fits("--help");
        await Fits("--version");
        foreach (var command in Commands) await Fits(command, "--help");
    }

    [Test]
    public async Task The_catalogue_commands_fit()
    {
        await Fits("standards");
        foreach (var standard in ConformanceRun.DefaultCatalogue().Ids) await Fits("describe", standard);
        await Fits("defects");
        await Fits("defects", "--standard", "open311-georeport-v2");
    }

    [Test]
    public async Task A_passing_a_failing_and_a_signed_run_fit_and_so_does_verify()
    {
        var keys = Cli.TempDir();
        await Fits("keygen", "--out", keys);
        var demo = Cli.TempDir();
        await Fits("run", "--standard", "oruk-3.0", "--reference", "--out", demo, "--sign", Path.Combine(keys, "signing-key.pem"));
        await Fits("verify", Path.Combine(demo, "certificate.json"), "--key", Path.Combine(keys, "signing-key.pub.pem"), "--report", Path.Combine(demo, "report.json"));

        using var failing = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "oruk-3.0",
            defects: [DefectCatalogue.Find("status-outside-enum"), DefectCatalogue.Find("missing-cors")]);
        var failed = await Fits("run", "--standard", "oruk-3.0", "--url", failing.Url, "--out", Cli.TempDir(), "--rate", "unlimited");
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.All);
        Assert.That(failed.Output, Does.Contain("status must be one of"), "the findings were shown");

        using var open311 = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "open311-georeport-v2",
            defects: [DefectCatalogue.Find("open311-lat-not-a-number")]);
        await Fits("run", "--standard", "open311-georeport-v2", "--url", open311.Url, "--out", Cli.TempDir(), "--rate", "unlimited");
    }

    [Test]
    public async Task The_monitor_history_diff_and_merge_fit()
    {
        var dir = Cli.TempDir();
        var profiles = Path.Combine(dir, "profiles");
        Monitoring.Suppliers.Profile(profiles, "council-with-a-rather-long-supplier-name", "oruk-3.0", Monitoring.Suppliers.Url("oruk-3.0"));
        Monitoring.Suppliers.Profile(profiles, "council-no-cors", "oruk-3.0", Monitoring.Suppliers.Url("missing-cors"));
        File.WriteAllText(Path.Combine(profiles, "council-broken.yaml"), "vendor: X\nproduct: Y\nstandard: oruk-3.0\n");
        var history = Path.Combine(dir, "history.db");
        for (var night = 1; night <= 2; night++)
            await Fits("monitor", "--profiles", Path.Combine(profiles, "*.yaml"), "--out", Path.Combine(dir, $"night{night}"), "--history", history);
        var listed = await Fits("history", "--history", history);
        // Columns that fit 100 characters, newest first by run number.
        var lines = listed.Output.TrimEnd().Split('\n');
        Assert.That(lines[0], Does.StartWith("run  started (UTC)"), listed.Output);
        Assert.That(lines.Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])), Has.All.Length.LessThanOrEqualTo(100));
        var numbers = lines.Skip(1).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => int.Parse(l.Split(' ')[0])).ToList();
        Assert.That(numbers, Has.Count.EqualTo(6).And.Ordered.Descending);
        await Fits("diff", "--history", history);
        await Fits("merge", Path.Combine(dir, "night1"), "--out", Path.Combine(dir, "merged"), "--history", Path.Combine(dir, "merged.db"));
    }

    /// <summary>
    /// drift's comparison fits like a run; `drift --rules` alone prints a Markdown page (tables a row to a line) to be
    /// redirected into a file, as `defects --matrix` does, so only its --out form is held to the width.
    /// </summary>
    [Test]
    public async Task Drift_fits()
    {
        var dir = Cli.TempDir();
        var profile = ConformanceRun.DefaultCatalogue().Load("oruk-3.0");
        var document = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(profile.TranscriptionPath))!;
        SupplierDocuments.Drifted(document);
        var path = Path.Combine(dir, "supplier-openapi.json");
        File.WriteAllText(path, document.ToJsonString());
        var drifted = await Fits("drift", "--standard", "oruk-3.0", "--spec", path, "--out", Path.Combine(dir, "reports"));
        Assert.That(drifted.ExitCode, Is.EqualTo(1), drifted.All);
        var page = Path.Combine(dir, "drift.md");
        File.Copy(Path.Combine(Checkout.Root, "docs", "drift.md"), page);
        await Fits("drift", "--rules", "--out", page);
    }

    [Test]
    public async Task Serve_fits()
    {
        using var serve = new CliProcess(null, "serve", "oruk-3.0", "--defect", "missing-cors", "--defect", "status-outside-enum");
        await serve.WaitForOutputAsync("Press Ctrl+C to stop.", TimeSpan.FromSeconds(60));
        AssertFits("conformance serve", serve.All);
    }
}
