using System.Text.Json.Nodes;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>
/// Nights of one supplier that regresses and recovers, through the real program: the diff shows the new failure,
/// --fail-on new fails the job, a baseline that knows it does not, and a fix is reported and shrinks the baseline.
/// </summary>
public class NightsTests
{
    [Test]
    public async Task A_supplier_that_regresses_then_recovers()
    {
        var dir = Cli.TempDir();
        var profiles = Path.Combine(dir, "profiles");
        var history = Path.Combine(dir, "history.db");
        Task<Cli.Result> Night(string url, string name, params string[] more)
        {
            Suppliers.Profile(profiles, "harbourside", "oruk-3.0", url);
            return Cli.RunAsync(["monitor", "--profiles", profiles, "--out", Path.Combine(dir, name), "--history", history, .. more]);
        }

        var night1 = await Night(Suppliers.Url("oruk-3.0"), "night1", "--fail-on", "new");
        Assert.That(night1.ExitCode, Is.EqualTo(0), night1.All);
        Assert.That(night1.Output, Does.Contain("[1/1] harbourside: pass"));

        // Night two: the supplier stops sending CORS headers.
        var night2 = await Night(Suppliers.Url("missing-cors"), "night2", "--fail-on", "new");
        Assert.That(night2.ExitCode, Is.EqualTo(1), night2.All);
        Assert.That(night2.Output, Does.Contain("new failure harbourside: cors-allow-origin on GET /services"));

        var diff = await Cli.RunAsync("diff", "--history", history);
        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.All);
        Assert.That(diff.Output, Does.Contain("harbourside: run #1").And.Contain("new failures (").And.Contain("+ cors-allow-origin on GET /services"));
        var markdown = await Cli.RunAsync("diff", "1", "2", "--history", history, "--format", "markdown");
        Assert.That(markdown.Output, Does.Contain("### `harbourside`").And.Contain("| new failure | `cors-allow-origin` | `GET /services` |"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "night2", "summary.md")), Does.Contain("## Failures that fail the job").And.Contain("| new failure | `cors-allow-origin`"));

        // The failure is known now: tonight's failures.json becomes the baseline, and the same night no longer fails the job.
        var baseline = Path.Combine(dir, "baseline.json");
        File.Copy(Path.Combine(dir, "night2", "failures.json"), baseline);
        Assert.That(JsonNode.Parse(File.ReadAllText(baseline))!["failures"]!.AsArray().Select(f => f!["check"]!.ToString()), Has.All.EqualTo("cors-allow-origin"));
        var known = await Night(Suppliers.Url("missing-cors"), "night2-known", "--baseline", baseline);
        Assert.That(known.ExitCode, Is.EqualTo(0), known.All);
        Assert.That(known.Output, Does.Contain("known failure(s) not counted"));

        // Night three: fixed. The baseline entries are reported as no longer seen and left out of the next baseline.
        var night3 = await Night(Suppliers.Url("oruk-3.0"), "night3", "--baseline", baseline);
        Assert.That(night3.ExitCode, Is.EqualTo(0), night3.All);
        Assert.That(night3.Output, Does.Contain("no longer seen (remove from the baseline) harbourside: cors-allow-origin on GET /services"));
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "night3", "baseline.next.json")))!["failures"]!.AsArray(), Is.Empty);
        var fixedDiff = await Cli.RunAsync("diff", "--target", "harbourside", "--history", history);
        Assert.That(fixedDiff.Output, Does.Contain("fixed (").And.Contain("- cors-allow-origin on GET /services"));

        var listed = await Cli.RunAsync("history", "--history", history, "--target", "harbourside");
        Assert.That(listed.ExitCode, Is.EqualTo(0), listed.All);
        Assert.That(listed.Output.Split('\n').Count(l => l.Contains("harbourside")), Is.EqualTo(4));
    }

    [Test]
    public async Task A_corrupt_history_is_a_clear_error_and_the_reports_are_still_written()
    {
        var dir = Cli.TempDir();
        var history = Path.Combine(dir, "history.db");
        File.WriteAllText(history, new string('x', 4096));
        Suppliers.Profile(Path.Combine(dir, "profiles"), "harbourside", "oruk-3.0", Suppliers.Url("oruk-3.0"));
        var run = await Cli.RunAsync("monitor", "--profiles", Path.Combine(dir, "profiles"), "--out", Path.Combine(dir, "out"), "--history", history);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
        Assert.That(Cli.Words(run.Output), Does.Contain("Error:").And.Contain("is not a readable SQLite database").And.Contain("The reports were written without it"));
        Assert.That(run.All, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Path.Combine(dir, "out", "targets", "harbourside", "report.json"), Does.Exist);
        Assert.That(Path.Combine(dir, "out", "dashboard", "index.html"), Does.Exist);
    }

    [TestCase("--parallel", "0", "--parallel must be a whole number from 1 to 64")]
    [TestCase("--shard", "4/3", "--shard takes I/N")]
    [TestCase("--fail-on", "worse", "--fail-on takes new or any")]
    [TestCase("--target-deadline", "-1", "--target-deadline must be a number of seconds")]
    public async Task Bad_flags_are_usage_errors(string flag, string value, string message)
    {
        var run = await Cli.RunAsync("monitor", "--profiles", "vendor-profiles/*.yaml", flag, value);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
        Assert.That(run.All, Does.Contain(message));
    }
}
