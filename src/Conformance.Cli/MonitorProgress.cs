using System.Collections.Concurrent;
using Conformance.Monitoring;
using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// A monitoring run's progress. In a terminal: a live bar (targets finished of all, and the last to finish), then one
/// line per target once the run is over. Anywhere else (a CI log, a file): the same lines as each target finishes,
/// whole and uncoloured, with the running count.
/// </summary>
public sealed class MonitorProgress(IAnsiConsole console)
{
    public async Task<T> ShowAsync<T>(int total, Func<IProgress<TargetFinished>, Task<T>> session)
    {
        if (!console.Profile.Capabilities.Interactive) return await session(new Reporting(Line));
        var finished = new ConcurrentQueue<TargetFinished>();
        var result = await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask($"0/{total} targets", maxValue: Math.Max(1, total));
            return await session(new Reporting(value =>
            {
                finished.Enqueue(value);
                bar.Increment(1);
                bar.Description = $"{value.Done}/{value.Total} targets, last {Markup.Escape(value.Run.Target)}: {Markup.Escape(value.Run.Verdict)}";
            }));
        });
        foreach (var value in finished) Line(value);
        return result;
    }

    private void Line(TargetFinished value)
    {
        var run = value.Run;
        var colour = run.Verdict switch { Running.Verdict.Pass => "green", Running.Verdict.PassWithWarnings => "yellow", _ => "red" };
        var failures = run.Failures.Count();
        var what = run.Status == TargetStatus.Completed ? run.Verdict : $"{run.Verdict}, {run.Status.Name()}";
        console.MarkupLine($"[[{value.Done}/{value.Total}]] {Markup.Escape(run.Target)}: [{colour}]{Markup.Escape(what)}[/]"
                           + (failures > 0 ? $", {failures} failure(s)" : "")
                           + Markup.Escape(run.Message is null ? "" : $" ({run.Message})")
                           + $" [grey]{value.Took.TotalSeconds:0.0} s[/]");
    }

    /// <summary>Reports at once, on the reporting thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Reporting(Action<TargetFinished> report) : IProgress<TargetFinished>
    {
        public void Report(TargetFinished value) => report(value);
    }
}
