using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// The real program against servers that break HTTP: it ends in time, with the documented exit code, no stack
/// trace, both reports written and its memory bounded.
/// </summary>
public class HostileServerTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // A target broken from its first answer could not be tested (3); one that answered, then broke, failed (1).
        yield return new TestCaseData("trickle", Faults.Trickle, 3);
        yield return new TestCaseData("endless-body", Faults.EndlessBody, 3);
        yield return new TestCaseData("reset-mid-body", Faults.ResetMidBody, 3);
        yield return new TestCaseData("garbage", Faults.Garbage, 3);
        yield return new TestCaseData("gzip-bomb", Faults.Bomb("gzip"), 3);
        yield return new TestCaseData("huge-header", Faults.HugeHeader, 3);
        yield return new TestCaseData("empty-200", Faults.EmptyOk, 1);
        yield return new TestCaseData("lying-content-length", Faults.LyingContentLength, 3);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_hostile_server_is_survived(string name, Fault fault, int exitCode)
    {
        using var server = FaultServer.Start(fault);
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync(TimeSpan.FromSeconds(90), "run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir,
            "--timeout", "3", "--rate", "1000");
        TestContext.Out.WriteLine($"{name}: exit {result.ExitCode}, {result.Elapsed.TotalSeconds:0.0} s, peak {result.PeakMemory / 1048576.0:0} MB, {server.Requests} requests");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.All);
            Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!["verdict"], Is.Not.Null);
            Assert.That(XDocument.Load(Path.Combine(outDir, "junit.xml")).Root!.Name.LocalName, Is.EqualTo("testsuites"));
        });
    }

    [Test]
    public async Task A_large_but_legal_body_costs_a_small_multiple_of_its_size()
    {
        // One service with a 19 MB description: under the cap, so it is read, parsed and judged like any other.
        var data = ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"));
        data.Services[0]["description"] = new string('a', 19 * 1024 * 1024);
        using var server = ReferenceServer.Start(new OpenReferralService(data).Handle);
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync(TimeSpan.FromSeconds(120), "run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir, "--rate", "1000");
        TestContext.Out.WriteLine($"large-legal: exit {result.ExitCode}, {result.Elapsed.TotalSeconds:0.0} s, peak {result.PeakMemory / 1048576.0:0} MB");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
    }
}
