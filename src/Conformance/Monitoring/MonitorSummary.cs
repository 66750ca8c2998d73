using System.Globalization;
using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// summary.md: the night in Markdown, short enough for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY). Written
/// through <see cref="MarkdownWriter"/>: every name, message and verdict read from history is a code span.
/// </summary>
public static class MonitorSummary
{
    public static string Markdown(IReadOnlyList<DashboardRow> rows, Assessment assessment, IReadOnlyList<RunDiff> diffs, DateTimeOffset now,
        IReadOnlyList<string>? problems = null)
    {
        var md = new MarkdownWriter();
        md.Line($"# Conformance monitoring").Line();
        var verdicts = MarkdownText.Join(", ", rows.GroupBy(r => r.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => MarkdownText.Span($"{g.Count()} {Verdict(g.Key)}")));
        md.Line($"{rows.Count} supplier(s), {MarkdownText.Ours(now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}: {verdicts}.").Line();
        md.Line($"Failing the job on **{MarkdownText.Ours(assessment.FailOn == FailOn.New ? "new" : "any")}** failures: "
                + $"{assessment.CountedFailures.Count} counted, {assessment.KnownFailures.Count} known, {assessment.Untested.Count} target(s) not judged.").Line();
        md.Line($"| supplier | standard | verdict | failures by clause | coverage | last pass |").Line($"|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var failures = row.FailuresByClause.Count == 0 ? MarkdownText.Ours("none")
                : MarkdownText.Join(", ", row.FailuresByClause.Select(c => MarkdownText.Span($"{c.Clause} × {c.Count}")));
            var message = row.Message is null ? MarkdownText.Ours("") : MarkdownText.Span($" ({row.Message})");
            var coverage = row.Planned == 0 ? MarkdownText.Ours("—") : MarkdownText.Span($"{row.Covered}/{row.Planned}");
            md.Line($"| {row.Target} | {row.Standard} | {Verdict(row.Verdict)}{message} | {failures} | {coverage} | {MarkdownText.Ours(Dashboard.SinceLastPass(row, now))} |");
        }
        md.Line();
        if (assessment.CountedFailures.Count > 0)
        {
            md.Line($"## Failures that fail the job").Line();
            foreach (var (run, failure) in assessment.CountedFailures)
                md.Line($"- **{run.Target}**: {failure.Check} on {failure.Operation} ({failure.Clause}): {failure.Message}");
            md.Line();
        }
        if (assessment.NoLongerSeen.Count > 0)
        {
            md.Line($"## Baseline entries no longer seen (remove them: baseline.next.json)").Line();
            foreach (var entry in assessment.NoLongerSeen)
                md.Line($"- {entry.Target}: {entry.Check} on {entry.Operation} ({entry.Clause})");
            md.Line();
        }
        if (problems is { Count: > 0 })
        {
            md.Line($"## Files not written").Line();
            foreach (var problem in problems) md.Line($"- {problem}");
            md.Line();
        }
        var changed = diffs.Where(d => d.Changed).ToList();
        md.Line($"## Since the previous run").Line();
        if (changed.Count == 0) md.Line($"No change.").Line();
        else DiffWriter.Markdown(md, changed);
        return md.ToString();
    }

    private static MarkdownSpan Verdict(string verdict) => MarkdownText.Word(verdict, Running.Verdict.All);
}
