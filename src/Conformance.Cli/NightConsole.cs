using Conformance.Monitoring;
using Spectre.Console;

namespace Conformance.Cli;

/// <summary>The end of `monitor` and `merge`: what fails the job, what the baseline can lose, where the files are; and the exit code.</summary>
public static class NightConsole
{
    /// <returns>1 when a failure counts under --fail-on, else 2 when the history could not be used, else 3 when a target could not be judged, else 0.</returns>
    public static int Print(NightReport.Written report, string? historyProblem, string historyPath)
    {
        var assessment = report.Assessment;
        foreach (var (run, failure) in assessment.CountedFailures)
            AnsiConsole.MarkupLineInterpolated($"[red]{(assessment.FailOn == FailOn.New ? "new failure" : "failure")}[/] {run.Target}: {failure.Check} on {failure.Operation} ({failure.Clause}): {failure.Message}");
        if (assessment.KnownFailures.Count > 0)
            AnsiConsole.MarkupLineInterpolated($"[grey]{assessment.KnownFailures.Count} known failure(s) not counted (--fail-on new).[/]");
        foreach (var run in assessment.Untested)
            AnsiConsole.MarkupLineInterpolated($"[red]not judged[/] {run.Target}: {run.Verdict}, {run.Status.Name()}{(run.Message is null ? "" : $" ({run.Message})")}");
        foreach (var entry in assessment.NoLongerSeen)
            AnsiConsole.MarkupLineInterpolated($"[green]no longer seen[/] (remove from the baseline) {entry.Target}: {entry.Check} on {entry.Operation} ({entry.Clause})");
        foreach (var file in report.Files) AnsiConsole.MarkupLineInterpolated($"[grey]wrote {file}[/]");
        if (historyProblem is not null)
            AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {historyProblem} The reports were written without it.");
        else AnsiConsole.MarkupLineInterpolated($"[grey]history: {Path.GetFullPath(historyPath)}[/]");
        AnsiConsole.MarkupLineInterpolated(
            $"{report.Diffs.Count} target(s): {assessment.CountedFailures.Count} failure(s) counted, {assessment.KnownFailures.Count} known, {assessment.Untested.Count} not judged.");
        return assessment.Failed ? ExitCodes.Fail
            : historyProblem is not null ? ExitCodes.Usage
            : assessment.CouldNotTest ? ExitCodes.CouldNotTest
            : ExitCodes.Pass;
    }
}
