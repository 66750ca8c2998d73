using Conformance.Monitoring;

namespace Conformance.Cli;

/// <summary>The end of `monitor` and `merge`: what fails the job, what the baseline can lose, where the files are; and the exit code.</summary>
public static class NightConsole
{
    /// <returns>1 when a failure counts under --fail-on, else 2 when the history could not be used, else 3 when a target could not be judged, else 0.</returns>
    public static int Print(NightReport.Written report, string? historyProblem, string historyPath)
    {
        var say = Terminal.Out;
        var assessment = report.Assessment;
        var kind = assessment.FailOn == FailOn.New ? "new failure" : "failure";
        foreach (var (run, failure) in assessment.CountedFailures)
            say.Line($"[red]{kind}[/] {run.Target}: {failure.Check} on {failure.Operation} ({failure.Clause}): {failure.Message}");
        if (assessment.KnownFailures.Count > 0)
            say.Line($"[grey]{assessment.KnownFailures.Count} known failure(s) not counted (--fail-on new).[/]");
        foreach (var run in assessment.Untested)
            say.Line($"[red]not judged[/] {run.Target}: {run.Verdict}, {run.Status.Name()}{(run.Message is null ? null : ConsoleText.Of($" ({run.Message})"))}");
        foreach (var entry in assessment.NoLongerSeen)
            say.Line($"[green]no longer seen[/] (remove from the baseline) {entry.Target}: {entry.Check} on {entry.Operation} ({entry.Clause})");
        foreach (var file in report.Files) say.Line($"[grey]wrote {file}[/]");
        foreach (var problem in report.Problems) say.Line($"[red]Problem:[/] {problem}");
        if (historyProblem is not null)
            say.Line($"[red]Error:[/] {historyProblem} The reports were written without it.");
        else say.Line($"[grey]history: {Path.GetFullPath(historyPath)}[/]");
        say.Line(
            $"{report.Diffs.Count} target(s): {assessment.CountedFailures.Count} failure(s) counted, {assessment.KnownFailures.Count} known, {assessment.Untested.Count} not judged.");
        return assessment.Failed ? ExitCodes.Fail
            : historyProblem is not null ? ExitCodes.Usage
            : assessment.CouldNotTest ? ExitCodes.CouldNotTest
            : ExitCodes.Pass;
    }
}
