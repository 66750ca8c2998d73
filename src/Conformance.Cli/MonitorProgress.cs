using System.Collections.Concurrent;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Conformance.Cli;

/// <summary>
/// A monitoring run's progress. In a terminal: a live bar (targets finished of all, and the last to finish), then one
/// line per target once the run is over. Anywhere else (a CI log, a file): the same lines as each target finishes,
/// whole and uncoloured, with the running count. Target names and messages are outside text (a profile's file name,
/// what a run recorded): shown through <see cref="ConsoleText"/>, the bar's too.
/// </summary>
public sealed class MonitorProgress(IAnsiConsole console)
{
    private readonly Terminal _say = new(console);

    public async Task<T> ShowAsync<T>(int total, Func<IProgress<TargetFinished>, Task<T>> session)
    {
        if (!console.Profile.Capabilities.Interactive) return await session(new Reporting(Line));
        var finished = new ConcurrentQueue<TargetFinished>();
        var description = new Description(ConsoleText.Of($"0/{total} targets"));
        var result = await console.Progress().AutoClear(true)
            .Columns(description, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("targets", maxValue: Math.Max(1, total));
                return await session(new Reporting(value =>
                {
                    finished.Enqueue(value);
                    bar.Increment(1);
                    description.Text = ConsoleText.Of($"{value.Done}/{value.Total} targets, last {value.Run.Target}: {value.Run.Verdict}");
                }));
            });
        foreach (var value in finished) Line(value);
        return result;
    }

    private void Line(TargetFinished value)
    {
        var run = value.Run;
        var failures = run.Failures.Count();
        var what = run.Status == TargetStatus.Completed ? ConsoleSummary.VerdictWord(run.Verdict)
            : ConsoleText.Of($"{ConsoleSummary.VerdictWord(run.Verdict)}[red], {run.Status.Name()}[/]");
        var count = failures > 0 ? ConsoleText.Of($", {failures} failure(s)") : null;
        var message = run.Message is null ? null : ConsoleText.Of($" ({run.Message})");
        _say.Line($"[[{value.Done}/{value.Total}]] {run.Target}: {what}{count}{message} [grey]{value.Took.TotalSeconds:0.0} s[/]");
    }

    /// <summary>The bar's words: rendered as plain runs, never as markup (a task's own description would be).</summary>
    private sealed class Description(ConsoleText text) : ProgressColumn
    {
        public ConsoleText Text { get; set; } = text;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => Text.Render();
    }

    /// <summary>Reports at once, on the reporting thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Reporting(Action<TargetFinished> report) : IProgress<TargetFinished>
    {
        public void Report(TargetFinished value) => report(value);
    }
}
