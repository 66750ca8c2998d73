using Conformance.Monitoring;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>Ctrl+C during a monitoring run keeps every finished supplier's results.</summary>
public class MonitorStopTests
{
    [Test]
    public async Task An_interrupt_keeps_the_finished_suppliers_and_marks_the_others_stopped()
    {
        IgnoredSignals.SkipIfIgnored("INT");
        var dir = Cli.TempDir();
        var profiles = Path.Combine(dir, "profiles");
        Suppliers.Profile(profiles, "a-quick", "oruk-3.0", Suppliers.Url("oruk-3.0"));
        foreach (var slow in new[] { "b-slow", "c-slow" }) // one request a second: about forty seconds each
            File.WriteAllText(Path.Combine(profiles, slow + ".yaml"),
                $"vendor: Slow\nproduct: Feed\nstandard: oruk-3.0\nbase_url: {Suppliers.Url("oruk-3.0")}\nlimits:\n  requests_per_second: 1\n");
        var history = Path.Combine(dir, "history.db");
        var outDir = Path.Combine(dir, "out");
        using var monitor = new CliProcess(null, "monitor", "--profiles", profiles, "--parallel", "2", "--out", outDir, "--history", history);
        await monitor.WaitForOutputAsync("[1/3] a-quick: pass", TimeSpan.FromSeconds(60));
        monitor.Signal("INT");

        Assert.That(await monitor.ExitCodeAsync(TimeSpan.FromSeconds(60)), Is.EqualTo(3), monitor.All);
        Assert.That(monitor.Output, Does.Contain("Stopped by SIGINT").And.Contain("b-slow: error, stopped").And.Contain("c-slow: error, stopped"));
        using var recorded = HistoryDatabase.Open(history);
        Assert.That(recorded.All().Select(r => r.Target), Is.EqualTo(new[] { "a-quick" }));
        Assert.That(Path.Combine(outDir, "targets", "a-quick", "report.json"), Does.Exist);
        Assert.That(Path.Combine(outDir, "targets", "b-slow", "report.json"), Does.Exist, "what the interrupted supplier showed is reported");
        Assert.That(File.ReadAllText(Path.Combine(outDir, "dashboard", "index.html")), Does.Contain("data-target=\"c-slow\""));
    }
}
