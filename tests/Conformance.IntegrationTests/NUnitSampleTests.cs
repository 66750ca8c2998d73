using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>
/// samples/NUnitSuite as a CI job runs it (dotnet test, a TRX log), held to the CLI's report on the same target with the
/// same seed: a test for every result with the same outcome, the same counts, a verdict test that agrees, and failures
/// that carry their finding, evidence and curl line.
/// </summary>
public partial class NUnitSampleTests
{
    private const string VerdictTest = "Verdict";
    private static readonly string Samples = Path.Combine(Checkout.Root, "samples", "NUnitSuite");

    [OneTimeSetUp]
    public async Task Build_the_samples_once()
    {
        var build = await Dotnet.RunAsync(Samples, TimeSpan.FromMinutes(5), "build", "NUnitSuite.sln", "-c", Checkout.Configuration);
        Assert.That(build.ExitCode, Is.Zero, build.All);
    }

    [Test]
    public async Task The_reference_suite_passes_with_the_results_of_the_cli()
    {
        var tests = await RunSuiteAsync("ReferenceSuite", exitCode: 0);
        var outDir = Cli.TempDir();
        var cli = await Cli.RunAsync("run", "--profile", Path.Combine(Samples, "ReferenceSuite", "vendor.yaml"), "--seed", SeedOf(tests), "--out", outDir);
        Assert.That(cli.ExitCode, Is.Zero, cli.All);

        AssertSameResults(tests, Report(outDir));
        var verdict = tests.Single(t => t.Name == VerdictTest);
        Assert.That(verdict.Outcome, Is.EqualTo("Passed"));
        Assert.That(verdict.Text, Does.StartWith("Verdict: pass, Open Referral UK 3.0 at http://127.0.0.1:"));
    }

    [Test]
    public async Task The_defect_suite_fails_where_the_cli_fails_and_each_failure_shows_its_evidence()
    {
        var tests = await RunSuiteAsync("DefectSuite", exitCode: 1);
        var defect = DefectCatalogue.Find("missing-cors");
        using var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), defect.Standard, defects: [defect]);
        var outDir = Cli.TempDir();
        var cli = await Cli.RunAsync("run", "--profile", Path.Combine(Samples, "DefectSuite", "vendor.yaml"), "--url", server.Url,
            "--seed", SeedOf(tests), "--out", outDir);
        Assert.That(cli.ExitCode, Is.EqualTo(1), cli.All);
        var report = Report(outDir);

        AssertSameResults(tests, report);
        var verdict = tests.Single(t => t.Name == VerdictTest);
        Assert.That(verdict.Outcome, Is.EqualTo("Failed"));
        Assert.That(verdict.Text, Does.StartWith("Verdict: fail,"));
        var failures = report["results"]!.AsArray().Where(r => r!["outcome"]!.GetValue<string>() == "fail").ToList();
        Assert.That(failures.Select(f => f!["check"]!.GetValue<string>()), Has.Some.EqualTo(defect.Check));
        Assert.Multiple(() =>
        {
            foreach (var failure in failures)
            {
                var text = tests.Single(t => t.Name == NameOf(failure!)).Text;
                var cited = failure!["evidence"]!.GetValue<string>(); // report.json cites each exchange by its id
                var evidence = new Uri(report["exchanges"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == cited)!["url"]!.GetValue<string>());
                Assert.That(Local(text), Does.StartWith($"Fail: {Local(failure["message"]!.GetValue<string>())}"));
                Assert.That(Local(text), Does.Contain($"Request: GET {Origin}{evidence.PathAndQuery} ").And.Contain("\nResponse: 200 ").And.Contain("\nBody: {"));
                Assert.That(text, Does.Contain("\nRepeat it: curl -i "));
            }
        });
    }

    private static async Task<List<Trx.Test>> RunSuiteAsync(string suite, int exitCode)
    {
        var results = Cli.TempDir();
        var run = await Dotnet.RunAsync(Samples, TimeSpan.FromMinutes(5), "test", Path.Combine(suite, $"{suite}.csproj"), "--no-build",
            "-c", Checkout.Configuration, "--logger", $"trx;LogFileName={suite}.trx", "--results-directory", results);
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.All);
        return Trx.Read(Path.Combine(results, $"{suite}.trx"));
    }

    private static JsonNode Report(string outDir) => JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;

    /// <summary>The verdict test's seed, so the CLI samples the very pages the suite did.</summary>
    private static string SeedOf(List<Trx.Test> tests) => SeedLine().Match(tests.Single(t => t.Name == VerdictTest).Text) is { Success: true } found
        ? found.Groups[1].Value : throw new AssertionException("The verdict test shows no seed.");

    private static string NameOf(JsonNode result) =>
        $"{result["clause"]!.GetValue<string>()} · {result["operation"]!.GetValue<string>()} · {result["check"]!.GetValue<string>()}";

    private static void AssertSameResults(List<Trx.Test> tests, JsonNode report)
    {
        var results = report["results"]!.AsArray().Select(r => (Name: NameOf(r!), Outcome: r!["outcome"]!.GetValue<string>())).ToList();
        Assert.That(tests, Has.Count.EqualTo(results.Count + 1), "a test for each result, and the verdict");
        Assert.That(results.Select(r => r.Name), Is.Unique, "each result has a name of its own");
        var byName = tests.ToDictionary(t => t.Name);
        Assert.Multiple(() =>
        {
            foreach (var (name, outcome) in results)
                Assert.That(byName.TryGetValue(name, out var test) ? OutcomeOf(test) : "no such test", Is.EqualTo(outcome), name);
            var counted = tests.Where(t => t.Name != VerdictTest).GroupBy(OutcomeOf).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (outcome, count) in report["summary"]!.AsObject())
                Assert.That(counted.GetValueOrDefault(outcome), Is.EqualTo(count!.GetValue<int>()), $"tests that report {outcome}");
        });
    }

    /// <summary>
    /// The outcome a test reports. TRX knows only passed, failed and not executed, so the message's first word names it,
    /// and it must agree with TRX's.
    /// </summary>
    private static string OutcomeOf(Trx.Test test)
    {
        var word = test.Text.Split(':')[0].ToLowerInvariant();
        var agrees = test.Outcome switch
        {
            "Passed" => word is "pass" or "warning" or "info",
            "Failed" => word == "fail",
            "NotExecuted" => word is "skipped" or "error",
            _ => false,
        };
        return agrees ? word : $"{test.Outcome}, yet '{word}'";
    }

    private const string Origin = "http://127.0.0.1:PORT";

    /// <summary>The suite and the CLI each test a server of their own: its port is the only difference.</summary>
    private static string Local(string text) => LocalOrigin().Replace(text, Origin);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex LocalOrigin();

    [GeneratedRegex(@"^Seed: (\d+)", RegexOptions.Multiline)]
    private static partial Regex SeedLine();
}
