using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.Reference;

namespace Conformance.IntegrationTests;

/// <summary>
/// The first hour of a council officer and a supplier, through the real program: the commands as README and --help
/// print them work, a mistyped one is answered helpfully, and every report says whose API it was and whether it was a demonstration.
/// </summary>
public class FirstHourTests
{
    [Test]
    public async Task Version_prints_the_version_and_commit_the_reports_record()
    {
        var version = await Cli.RunAsync("--version");
        Assert.That(version.ExitCode, Is.EqualTo(0), version.All);
        Assert.That(version.Output.Trim(), Is.EqualTo(HarnessInfo.Line));
        Assert.That(HarnessInfo.Commit, Does.Match("^[0-9a-f]{40}$"), "built from a git checkout, the commit is known");
        Assert.That(version.Output, Does.Contain($"conformance {HarnessInfo.Number} (commit {HarnessInfo.Commit})"));

        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir, "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!["harness"]!["version"]!.GetValue<string>();
        Assert.That(recorded, Is.EqualTo($"{HarnessInfo.Number}+{HarnessInfo.Commit}"), "the same version and commit as --version");
    }

    [Test]
    public async Task Describe_takes_the_standard_as_its_argument_as_well_as_with_the_flag()
    {
        var named = await Cli.RunAsync("describe", "oruk-3.0");
        var flagged = await Cli.RunAsync("describe", "--standard", "oruk-3.0");
        Assert.That(named.ExitCode, Is.EqualTo(0), named.All);
        Assert.That(named.Output, Is.EqualTo(flagged.Output));
        Assert.That(named.Output, Does.Contain("ORUK-3.0/schema"));
        var both = await Cli.RunAsync("describe", "oruk-3.0", "--standard", "hsds-3.0");
        Assert.That(both.ExitCode, Is.EqualTo(2), both.All);
        var none = await Cli.RunAsync("describe");
        Assert.That(none.ExitCode, Is.EqualTo(2), none.All);
        Assert.That(none.Output, Does.Contain("conformance describe oruk-3.0"));
    }

    [Test]
    public async Task Serve_takes_the_standard_as_its_argument()
    {
        using var serve = new CliProcess(null, "serve", "oruk-3.0");
        await serve.WaitForOutputAsync("Serving the oruk-3.0 reference implementation at", TimeSpan.FromSeconds(60));
    }

    [TestCase("rnu", "Did you mean 'run'?")]
    [TestCase("standrads", "Did you mean 'standards'?")]
    [TestCase("run --standrad oruk-3.0 --reference", "Did you mean --standard?")]
    [TestCase("run --standard oruk-3.0 --referense", "Did you mean --reference?")]
    [TestCase("monitor --profile x.yaml", "Did you mean --profiles?")]
    [TestCase("describe --standart oruk-3.0", "Did you mean --standard?")]
    [TestCase("drfit --standard oruk-3.0 --spec x.json", "Did you mean 'drift'?")]
    [TestCase("drift --standrad oruk-3.0 --spec x.json", "Did you mean --standard?")]
    public async Task A_mistyped_command_or_flag_gets_the_nearest_one(string line, string hint)
    {
        var result = await Cli.RunAsync(line.Split(' '));
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.Output, Does.Contain(hint));
        Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
    }

    [TestCase("frobnicate")]
    [TestCase("run --standard oruk-3.0 --reference --colour")]
    public async Task Nothing_close_gets_no_suggestion(string line)
    {
        var result = await Cli.RunAsync(line.Split(' '));
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.Output, Does.Contain("Error:").And.Not.Contain("Did you mean"));
    }

    [Test]
    public async Task Monitors_help_quotes_the_pattern_and_an_unquoted_one_is_told_to_quote_it()
    {
        var help = await Cli.RunAsync("monitor", "--help");
        Assert.That(help.ExitCode, Is.EqualTo(0), help.All);
        Assert.That(help.Output, Does.Contain("conformance monitor --profiles 'vendor-profiles/*.yaml' --out nightly"));

        // As a user types it in the checkout, unquoted: the shell hands --profiles the first file and the rest as extra arguments.
        var program = Path.Combine(AppContext.BaseDirectory, "conformance.dll");
        var start = new ProcessStartInfo("bash", ["-c", $"dotnet '{program}' monitor --profiles vendor-profiles/*.yaml --out '{Cli.TempDir()}'"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Checkout.Root,
        };
        var unquoted = await Cli.RunAsync(start, TimeSpan.FromMinutes(1));
        Assert.That(unquoted.ExitCode, Is.EqualTo(2), unquoted.All);
        Assert.That(Cli.Words(unquoted.Output), Does.Contain("quote the pattern, as in --profiles 'vendor-profiles/*.yaml'"));
    }

    [Test]
    public async Task The_demo_says_everywhere_that_it_is_a_demonstration()
    {
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Assert.That(Cli.Words(run.Output), Does.Contain("(the built-in reference implementation: a demonstration)").And.Contain("A demonstration:"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["demonstration"]!.GetValue<bool>(), Is.True);
        Assert.That(XDocument.Load(Path.Combine(outDir, "junit.xml")).Root!.Attribute("name")!.Value, Does.Contain("a demonstration"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "summary.md")), Does.Contain("> **A demonstration:**"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Contain("id=\"demonstration\""));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "exchanges.har")), Does.Contain("A demonstration"));
    }

    /// <summary>The profile's errata are one line, true to how they met the document, even when the target cannot be reached.</summary>
    [Test]
    public async Task The_errata_are_one_line_on_every_run()
    {
        var demo = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", Cli.TempDir());
        var unreachable = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:9", "--out", Cli.TempDir());
        Assert.That(unreachable.ExitCode, Is.EqualTo(3), unreachable.All);
        foreach (var run in new[] { demo, unreachable })
        {
            Assert.That(run.Output, Does.Not.Contain("Erratum"), "no erratum told at length");
            var lines = run.Output.Split('\n').Where(l => l.Contains("errat", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.That(lines, Is.EqualTo(new[] { "3 errata incorporated in our transcription: conformance describe oruk-3.0 lists them." }));
        }
    }

    [Test]
    public async Task A_vendor_profile_names_the_supplier_in_every_report_and_on_the_console()
    {
        using var server = ReferenceImplementations.Start(Conformance.Running.ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        var dir = Cli.TempDir();
        var profile = Path.Combine(dir, "harbourside.yaml");
        File.WriteAllText(profile, $"vendor: Harbourside Digital\nproduct: ServiceFinder 4\nstandard: oruk-3.0\nbase_url: {server.Url}\nlimits:\n  requests_per_second: 1000\n");
        var outDir = Path.Combine(dir, "out");
        var run = await Cli.RunAsync("run", "--profile", profile, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        const string name = "ServiceFinder 4 by Harbourside Digital";
        Assert.That(Cli.Words(run.Output), Does.Contain($"Testing {name} at {server.Url}/").And.Contain($"Verdict: pass for {name}"));
        Assert.That(run.Output, Does.Not.Contain("demonstration"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["supplier"]!["name"]!.GetValue<string>(), Is.EqualTo(name));
        Assert.That(report["supplier"]!["vendor"]!.GetValue<string>(), Is.EqualTo("Harbourside Digital"));
        Assert.That(report["demonstration"]!.GetValue<bool>(), Is.False);
        Assert.That(XDocument.Load(Path.Combine(outDir, "junit.xml")).Root!.Attribute("name")!.Value, Is.EqualTo($"conformance oruk-3.0: {name}"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "summary.md")), Does.Contain($"Supplier `{name}`"));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.That(html, Does.Contain($"<title>Pass: {name}, Open Referral UK 3.0 conformance report</title>").And.Contain($"<span id=\"supplier\">{name}</span>"));
    }

    [Test]
    public async Task An_address_that_answers_with_a_web_page_is_told_so_first_in_plain_words()
    {
        using var portal = ReferenceServer.Start((_, _, _) =>
            new ReferenceResponse(200, null, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Developer portal</title></head><body>Our API</body></html>"));
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", portal.Url, "--out", outDir, "--rate", "unlimited");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.All);
        Assert.That(Cli.Words(run.Output), Does.Contain("This address answers with a web page, not an API:"));
        Assert.That(run.Output, Does.Not.Contain("LineNumber").And.Not.Contain("BytePositionInLine"), "the parser's words are for the evidence");
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.That(html, Does.Contain("id=\"web-page\""));
        var fix = html[html.IndexOf("<h2 id=\"fix-first\">", StringComparison.Ordinal)..html.IndexOf("<h2 id=\"rules\">", StringComparison.Ordinal)];
        Assert.That(fix, Does.Contain("the body is a web page (HTML), not JSON").And.Not.Contain("LineNumber"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "summary.md")), Does.Contain("This address answers with a web page, not an API"));
    }
}
