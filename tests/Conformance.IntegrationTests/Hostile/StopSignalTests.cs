using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>A run stopped by a signal or by its deadline still writes what it found, marked as cut short (exit 3).</summary>
[NonParallelizable]
public class StopSignalTests
{
    private static ReferenceServer Slow() =>
        ReferenceImplementations.Start(Conformance.Running.ConformanceRun.DefaultCatalogue(), "oruk-3.0");

    [TestCase("TERM", "SIGTERM")]
    [TestCase("HUP", "SIGHUP")]
    [TestCase("INT", "SIGINT")]
    public async Task A_signal_stops_the_run_and_the_reports_are_still_written(string signal, string named)
    {
        IgnoredSignals.SkipIfIgnored(signal);
        using var server = Slow();
        var outDir = Cli.TempDir();
        // Two requests a second: the run takes far longer than the test waits before signalling.
        using var run = new CliProcess(null, "run", "--standard", "oruk-3.0", "--url", server.Url, "--rate", "2", "--out", outDir);
        await run.WaitForOutputAsync("GET /services page 1", TimeSpan.FromSeconds(60));
        run.Signal(signal);
        var exit = await run.ExitCodeAsync(TimeSpan.FromSeconds(60));
        Assert.That(exit, Is.EqualTo(3), run.All);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["aborted"]!.GetValue<string>(), Does.Contain("cancelled"));
        Assert.That(report["notes"]!.AsArray().Select(n => n!.GetValue<string>()), Has.Some.StartsWith($"Stopped by {named}"));
        Assert.That(File.Exists(Path.Combine(outDir, "junit.xml")));
        Assert.That(run.All, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task A_run_past_its_deadline_stops_and_says_why()
    {
        using var server = Slow();
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", server.Url, "--rate", "2", "--deadline", "3", "--out", outDir);
        Assert.That(result.ExitCode, Is.EqualTo(3), result.All);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["aborted"]!.GetValue<string>(), Does.Contain("deadline (3 s, --deadline)"));
        Assert.That(report["requestsSent"]!.GetValue<int>(), Is.InRange(1, 10), "two a second for about three seconds");
    }
}
