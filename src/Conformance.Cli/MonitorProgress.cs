using Conformance.Monitoring;
using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// One line per finished target, with the running count: whole lines, so a CI log reads as well as a terminal (colour
/// only where the output is a terminal).
/// </summary>
public sealed class MonitorProgress : IProgress<TargetFinished>
{
    public void Report(TargetFinished value)
    {
        var run = value.Run;
        var colour = run.Verdict switch { Running.Verdict.Pass => "green", Running.Verdict.PassWithWarnings => "yellow", _ => "red" };
        var failures = run.Failures.Count();
        var what = run.Status == TargetStatus.Completed ? run.Verdict : $"{run.Verdict}, {run.Status.Name()}";
        AnsiConsole.MarkupLine($"[[{value.Done}/{value.Total}]] {Markup.Escape(run.Target)}: [{colour}]{Markup.Escape(what)}[/]"
                               + (failures > 0 ? $", {failures} failure(s)" : "")
                               + Markup.Escape(run.Message is null ? "" : $" ({run.Message})")
                               + $" [grey]{value.Took.TotalSeconds:0.0} s[/]");
    }
}
