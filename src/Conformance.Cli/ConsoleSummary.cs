using Conformance.Reports;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.Cli;

/// <summary>
/// The end of a run on the console: the findings that matter (fail, warning, error), what else to know, where the
/// reports are (<see cref="Print"/>); and last, after anything the front end adds (a certificate), the verdict and the
/// report to open (<see cref="Conclude"/>), so the main report's line is the console's last.
/// </summary>
public static class ConsoleSummary
{
    public static void Print(RunResult result, IReadOnlyList<WrittenReport> reports)
    {
        var say = Terminal.Out;
        string Masked(string text) => Conformance.Http.Redaction.Mask(text, result.Secrets);
        say.Line();
        if (result.Seed is { } seed) say.Line($"[grey]pages sampled with seed {seed} (--seed {seed} repeats them)[/]");
        if (WebPageAnswers.Of(result)) say.Line($"[yellow]{WebPageAnswers.Sentence}:[/] {Masked(WebPageAnswers.Advice(result))}");
        var notable = result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error).ToList();
        if (notable.Count > 0)
        {
            var table = new ConsoleTable("outcome", "check", "operation", "clause", "finding") { HeadingColumns = 4, Unnamed = ["finding"] };
            foreach (var r in notable.OrderBy(r => r.Outcome == Outcome.Fail ? 0 : r.Outcome == Outcome.Error ? 1 : 2))
                table.Row(Colour(r.Outcome), ConsoleText.Of($"{r.Check}"), ConsoleText.Of($"{Masked(r.Operation)}"), ConsoleText.Of($"{r.Clause}"),
                    ConsoleText.Of($"{Masked(r.Message)}"));
            say.Write(table);
        }
        foreach (var note in result.Notes)
            say.Line($"note: {Masked(note)}");
        // The errata are the profile's, the same every run: one line says how they met the document and where to read them.
        if (ErrataSummary.Of(result.Diagnostics, "the published document") is { } errata)
            say.Line($"[grey]{errata}: conformance describe {result.StandardId} lists them.[/]");
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Kind != SpecDiagnostic.Erratum))
            say.Line($"[grey]spec diagnostic ({diagnostic.Kind}): {Masked(diagnostic.Message)}[/]");
        var required = result.Coverage.Where(c => c.Tier == Conformance.Standards.Tier.Required && c.Read).ToList();
        if (required.Count > 0)
            say.Line(
                $"Coverage of required endpoints: {required.Sum(c => c.RecordsValidated)} record(s) validated, {required.Sum(c => c.IdsLookedUp)} id(s) looked up, {required.Count(c => !c.IsGap)} of {required.Count} operation(s) covered.");
        foreach (var gap in required.Where(c => c.IsGap))
            say.Line($"[red]Not covered: {Masked(gap.Operation)}: {Masked(gap.Gap!)}[/]");
        if (result.Client is { } client)
        {
            say.Line($"Scenario {client.Scenario} ({client.ScenarioTitle}): {result.Coverage.Count(c => !c.IsGap)} of {result.Coverage.Count} step(s) done by the client.");
            foreach (var step in result.Coverage.Where(c => c.IsGap))
                say.Line($"[red]Not done: {Masked(step.Operation)}: {Masked(step.Gap!)}[/]");
        }
        if (result.Aborted is not null)
            say.Line($"[red]Run stopped early: {Masked(result.Aborted)}[/]");
        var waited = result.Waited > TimeSpan.Zero ? ConsoleText.Of($", {result.Waited.TotalSeconds:0.#} s waited at the server's request (Retry-After)") : null;
        say.Line(
            $"{result.Count(Outcome.Pass)} passed, {result.Count(Outcome.Warning)} warning(s), {result.Count(Outcome.Fail)} failed, {result.Count(Outcome.Skipped)} skipped, {result.Count(Outcome.Error)} error(s), {result.Count(Outcome.Info)} for information; {result.RequestsSent} request(s){waited}.");
        if (result.ManualClauses.Count > 0)
            say.Line($"[grey]Not automated, check by hand: {string.Join(", ", result.ManualClauses.Select(c => c.Id))}.[/]");
        foreach (var report in reports)
        {
            if (report.Written) say.Line($"[grey]wrote {report.Path}[/]");
            else say.Line($"[red]Not written:[/] {report.Path}: {Masked(report.Problem!)}");
        }
    }

    /// <summary>The last lines: whose API it was, the verdict, and the report to open.</summary>
    public static void Conclude(RunResult result, IReadOnlyList<WrittenReport> reports)
    {
        var say = Terminal.Out;
        if (result.Supplier.Demonstration) say.Line($"[yellow]{Supplier.DemonstrationHeading}:[/] {Supplier.DemonstrationMeaning}");
        say.Line($"Verdict: [bold]{VerdictWord(result.Verdict)}[/] for {Conformance.Http.Redaction.Mask(result.SupplierName, result.Secrets)}");
        // Whole, never wrapped: a script reads the report's path from the last line (tail -n 1).
        if (ReportWriter.Main(reports) is { } main)
            say.Whole($"Report: [bold]{main.Path}[/]");
    }

    /// <summary>A verdict in its colour: green a pass, yellow a pass with warnings, red anything else (including a word history made up).</summary>
    public static ConsoleText VerdictWord(string verdict) => verdict switch
    {
        Verdict.Pass => ConsoleText.Of($"[green]{verdict}[/]"),
        Verdict.PassWithWarnings => ConsoleText.Of($"[yellow]{verdict}[/]"),
        _ => ConsoleText.Of($"[red]{verdict}[/]"),
    };

    private static ConsoleText Colour(Outcome outcome) => outcome switch
    {
        Outcome.Fail => ConsoleText.Of($"[red]fail[/]"),
        Outcome.Error => ConsoleText.Of($"[red]error[/]"),
        _ => ConsoleText.Of($"[yellow]warning[/]"),
    };
}
