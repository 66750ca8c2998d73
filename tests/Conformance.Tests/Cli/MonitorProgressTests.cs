using Conformance.Cli;
using Conformance.Monitoring;
using Spectre.Console.Testing;

namespace Conformance.Tests.Cli;

/// <summary>A monitoring run's progress: a live bar in a terminal, plain lines as targets finish anywhere else.</summary>
public class MonitorProgressTests
{
    private static RunRecord Finished(string target, string verdict) => new()
    {
        RunKey = target, Target = target, Url = "http://127.0.0.1", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch,
        Verdict = verdict, Status = TargetStatus.Completed,
    };

    /// <summary>A session that finishes two targets, noting what the console showed when the first was reported.</summary>
    private static Func<IProgress<TargetFinished>, Task<int>> Session(TestConsole console, List<string> seenAfterFirst) => progress =>
    {
        progress.Report(new TargetFinished(1, 2, Finished("harbourside", "pass"), TimeSpan.FromSeconds(1.5)));
        seenAfterFirst.Add(console.Output);
        progress.Report(new TargetFinished(2, 2, Finished("riverside", "fail"), TimeSpan.FromSeconds(2)));
        return Task.FromResult(42);
    };

    [Test]
    public async Task In_a_ci_log_each_target_is_a_line_as_it_finishes()
    {
        var console = new TestConsole();
        var seen = new List<string>();
        var result = await new MonitorProgress(console).ShowAsync(2, Session(console, seen));
        Assert.That(result, Is.EqualTo(42));
        Assert.That(seen[0], Does.Contain("[1/2] harbourside: pass 1.5 s"), "written when the target finished");
        Assert.That(console.Output, Does.Contain("[2/2] riverside: fail 2.0 s"));
    }

    [Test]
    public async Task In_a_terminal_a_bar_counts_the_targets_and_the_lines_follow_it()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Capabilities.Ansi = true;
        var seen = new List<string>();
        var result = await new MonitorProgress(console).ShowAsync(2, Session(console, seen));
        Assert.That(result, Is.EqualTo(42));
        Assert.That(seen[0], Does.Not.Contain("[1/2] harbourside"), "no line while the bar is live");
        Assert.That(console.Output, Does.Contain("2/2 targets, last riverside: fail"), "the bar");
        Assert.That(console.Output, Does.Contain("[1/2] harbourside: pass 1.5 s").And.Contain("[2/2] riverside: fail 2.0 s"));
    }
}
