using System.Globalization;
using System.Text;

namespace Conformance.Monitoring;

/// <summary>summary.md: the night in Markdown, short enough for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY).</summary>
public static class MonitorSummary
{
    public static string Markdown(IReadOnlyList<DashboardRow> rows, Assessment assessment, IReadOnlyList<RunDiff> diffs, DateTimeOffset now)
    {
        static string Md(string text) => DiffWriter.Md(text);
        var text = new StringBuilder();
        text.AppendLine("# Conformance monitoring").AppendLine();
        text.AppendLine($"{rows.Count} supplier(s), {now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}: "
                        + string.Join(", ", rows.GroupBy(r => r.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")) + ".").AppendLine();
        text.AppendLine($"Failing the job on **{(assessment.FailOn == FailOn.New ? "new" : "any")}** failures: "
                        + $"{assessment.CountedFailures.Count} counted, {assessment.KnownFailures.Count} known, {assessment.Untested.Count} target(s) not judged.").AppendLine();
        text.AppendLine("| supplier | standard | verdict | failures by clause | coverage | last pass |").AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
            text.AppendLine($"| {Md(row.Target)} | {Md(row.Standard)} | {Md(row.Verdict)}{(row.Message is null ? "" : " (" + Md(row.Message) + ")")} | "
                            + $"{(row.FailuresByClause.Count == 0 ? "none" : Md(string.Join(", ", row.FailuresByClause.Select(c => $"{c.Clause} × {c.Count}"))))} | "
                            + $"{(row.Planned == 0 ? "—" : $"{row.Covered}/{row.Planned}")} | {Md(Dashboard.SinceLastPass(row, now))} |");
        text.AppendLine();
        if (assessment.CountedFailures.Count > 0)
        {
            text.AppendLine("## Failures that fail the job").AppendLine();
            foreach (var (run, failure) in assessment.CountedFailures)
                text.AppendLine($"- **{Md(run.Target)}**: `{Md(failure.Check)}` on {Md(failure.Operation)} ({Md(failure.Clause)}): {Md(failure.Message)}");
            text.AppendLine();
        }
        if (assessment.NoLongerSeen.Count > 0)
        {
            text.AppendLine("## Baseline entries no longer seen (remove them: baseline.next.json)").AppendLine();
            foreach (var entry in assessment.NoLongerSeen)
                text.AppendLine($"- {Md(entry.Target)}: `{Md(entry.Check)}` on {Md(entry.Operation)} ({Md(entry.Clause)})");
            text.AppendLine();
        }
        var changed = diffs.Where(d => d.Changed).ToList();
        text.AppendLine("## Since the previous run").AppendLine();
        if (changed.Count == 0) text.AppendLine("No change.").AppendLine();
        else text.Append(DiffWriter.Markdown(changed));
        return text.ToString();
    }
}
