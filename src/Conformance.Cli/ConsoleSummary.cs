using Conformance.Running;
using Spectre.Console;

namespace Conformance.Cli;

/// <summary>The findings that matter (fail, warning, error), where the reports are, and last the verdict and the report to open.</summary>
public static class ConsoleSummary
{
    public static void Print(RunResult result, IReadOnlyList<Conformance.Reports.WrittenReport> reports)
    {
        string Masked(string text) => Conformance.Http.Redaction.Mask(text, result.Secrets);
        AnsiConsole.WriteLine();
        if (result.Seed is { } seed) AnsiConsole.MarkupLineInterpolated($"[grey]pages sampled with seed {seed} (--seed {seed} repeats them)[/]");
        var notable = result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error).ToList();
        if (notable.Count > 0)
        {
            var table = new Table().AddColumns("outcome", "check", "operation", "clause", "finding");
            foreach (var r in notable.OrderBy(r => r.Outcome == Outcome.Fail ? 0 : r.Outcome == Outcome.Error ? 1 : 2))
                table.AddRow(Colour(r.Outcome), Markup.Escape(r.Check), Markup.Escape(r.Operation), Markup.Escape(r.Clause), Markup.Escape(Masked(r.Message)));
            AnsiConsole.Write(table);
        }
        foreach (var note in result.Notes)
            AnsiConsole.MarkupLineInterpolated($"note: {note}");
        foreach (var diagnostic in result.Diagnostics)
            AnsiConsole.MarkupLineInterpolated($"[grey]spec diagnostic ({diagnostic.Kind}): {diagnostic.Message}[/]");
        var required = result.Coverage.Where(c => c.Tier == Conformance.Standards.Tier.Required && c.Read).ToList();
        if (required.Count > 0)
            AnsiConsole.MarkupLineInterpolated(
                $"Coverage of required endpoints: {required.Sum(c => c.RecordsValidated)} record(s) validated, {required.Sum(c => c.IdsLookedUp)} id(s) looked up, {required.Count(c => !c.IsGap)} of {required.Count} operation(s) covered.");
        foreach (var gap in required.Where(c => c.IsGap))
            AnsiConsole.MarkupLineInterpolated($"[red]Not covered: {gap.Operation}: {Masked(gap.Gap!)}[/]");
        if (result.Aborted is not null)
            AnsiConsole.MarkupLineInterpolated($"[red]Run stopped early: {Masked(result.Aborted)}[/]");
        AnsiConsole.MarkupLineInterpolated(
            $"{result.Count(Outcome.Pass)} passed, {result.Count(Outcome.Warning)} warning(s), {result.Count(Outcome.Fail)} failed, {result.Count(Outcome.Skipped)} skipped, {result.Count(Outcome.Error)} error(s), {result.Count(Outcome.Info)} for information; {result.RequestsSent} request(s){(result.Waited > TimeSpan.Zero ? $", {result.Waited.TotalSeconds:0.#} s waited at the server's request (Retry-After)" : "")}.");
        if (result.ManualClauses.Count > 0)
            AnsiConsole.MarkupLineInterpolated($"[grey]Not automated, check by hand: {string.Join(", ", result.ManualClauses.Select(c => c.Id))}.[/]");
        foreach (var report in reports) AnsiConsole.MarkupLineInterpolated($"[grey]wrote {report.Path}[/]");
        var colour = result.Verdict switch { Verdict.Pass => "green", Verdict.PassWithWarnings => "yellow", _ => "red" };
        AnsiConsole.MarkupLine($"Verdict: [bold {colour}]{result.Verdict}[/]");
        if (Conformance.Reports.ReportWriter.Main(reports) is { } main)
            AnsiConsole.MarkupLineInterpolated($"Report: [bold]{main.Path}[/]");
    }

    private static string Colour(Outcome outcome) => outcome switch
    {
        Outcome.Fail => "[red]fail[/]",
        Outcome.Error => "[red]error[/]",
        _ => "[yellow]warning[/]",
    };
}
