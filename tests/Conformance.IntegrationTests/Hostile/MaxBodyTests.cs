using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// The body cap as a user sets it: --max-body, or limits.max_body_mb in a vendor profile (the flag wins). A body past
/// it could not be judged: response-schema says so, naming the cap and the flag, and the run could not test (3).
/// </summary>
public class MaxBodyTests
{
    private static ReferenceServer StartWithTwoMegabyteService()
    {
        var data = ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"));
        data.Services[1]["description"] = new string('a', 2 * 1024 * 1024);
        return ReferenceServer.Start(new OpenReferralService(data).Handle);
    }

    private static string Profile(string url, int megabytes)
    {
        var file = Path.Combine(Cli.TempDir(), "vendor.yaml");
        File.WriteAllText(file, $"""
            vendor: V
            product: P
            standard: oruk-3.0
            base_url: {url}
            limits: {"{"}max_body_mb: {megabytes}, requests_per_second: 1000{"}"}
            """);
        return file;
    }

    private static async Task<(Cli.Result Result, JsonNode Report)> RunAsync(params string[] args)
    {
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync(TimeSpan.FromSeconds(90), ["run", .. args, "--out", outDir]);
        return (result, JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!);
    }

    private static string? SchemaMessage(JsonNode report, string operation) =>
        report["results"]!.AsArray().FirstOrDefault(r => r!["check"]!.GetValue<string>() == "response-schema"
                                                         && r["operation"]!.GetValue<string>() == operation)?["message"]?.GetValue<string>();

    [Test]
    public async Task A_body_past_the_flags_cap_is_not_judged_and_the_run_could_not_test()
    {
        using var server = StartWithTwoMegabyteService();
        var (result, report) = await RunAsync("--standard", "oruk-3.0", "--url", server.Url, "--max-body", "1", "--rate", "1000");
        Assert.That(result.ExitCode, Is.EqualTo(3), result.All);
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(SchemaMessage(report, "GET /services"),
            Is.EqualTo("The harness could not judge the body: the body goes on past 1 MB, the most the harness reads (--max-body raises it)."));
        Assert.That(report["summary"]!["fail"]!.GetValue<int>(), Is.Zero, "nobody is blamed for what was not read");
        Assert.That(result.All, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_vendor_profile_sets_the_cap()
    {
        using var server = StartWithTwoMegabyteService();
        var (result, report) = await RunAsync("--profile", Profile(server.Url, 1));
        Assert.That(result.ExitCode, Is.EqualTo(3), result.All);
        Assert.That(SchemaMessage(report, "GET /services"), Does.Contain("past 1 MB"));
    }

    [Test]
    public async Task The_flag_wins_over_the_vendor_profile()
    {
        using var server = StartWithTwoMegabyteService();
        var (result, report) = await RunAsync("--profile", Profile(server.Url, 1), "--max-body", "3");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("pass"), "every body read whole");
    }
}
