using System.Globalization;
using System.Text;

namespace Conformance.Monitoring;

/// <summary>`conformance diff` and the monitor's summary: what changed, as plain text for a terminal or Markdown for a job summary.</summary>
public static class DiffWriter
{
    public static string Text(IEnumerable<RunDiff> diffs)
    {
        var text = new StringBuilder();
        foreach (var diff in diffs)
        {
            text.AppendLine($"{diff.Target}: {Between(diff)}");
            Section(text, "new failures", diff.NewFailures, r => $"  + {r.Key}: {r.Message}");
            Section(text, "fixed", diff.Fixed, r => $"  - {r.Key}");
            Section(text, "still failing", diff.StillFailing, r => $"  = {r.Key}");
            Section(text, "new warnings", diff.NewWarnings, r => $"  + {r.Key}: {r.Message}");
            Section(text, "warnings gone", diff.GoneWarnings, r => $"  - {r.Key}");
            if (!diff.Changed) text.AppendLine("  no change");
            text.AppendLine();
        }
        return text.ToString();
    }

    public static string Markdown(IEnumerable<RunDiff> diffs)
    {
        var text = new StringBuilder();
        foreach (var diff in diffs)
        {
            text.AppendLine($"### {Md(diff.Target)}").AppendLine().AppendLine(Md(Between(diff))).AppendLine();
            var rows = diff.NewFailures.Select(r => ("new failure", r)).Concat(diff.Fixed.Select(r => ("fixed", r)))
                .Concat(diff.StillFailing.Select(r => ("still failing", r))).Concat(diff.NewWarnings.Select(r => ("new warning", r)))
                .Concat(diff.GoneWarnings.Select(r => ("warning gone", r))).ToList();
            if (rows.Count == 0)
            {
                text.AppendLine("No change.").AppendLine();
                continue;
            }
            text.AppendLine("| change | check | operation | clause | message |").AppendLine("|---|---|---|---|---|");
            foreach (var (change, r) in rows)
                text.AppendLine($"| {change} | `{Md(r.Check)}` | {Md(r.Operation)} | {Md(r.Clause)} | {Md(change is "fixed" or "warning gone" ? "" : r.Message)} |");
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Between(RunDiff diff) => diff.Before is null
        ? $"first run #{diff.After.Id} ({When(diff.After)}, {diff.After.Verdict})"
        : $"run #{diff.Before.Id} ({When(diff.Before)}, {diff.Before.Verdict}) -> run #{diff.After.Id} ({When(diff.After)}, {diff.After.Verdict})";

    private static string When(RunRecord run) => run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static void Section(StringBuilder text, string title, IReadOnlyList<RecordedResult> results, Func<RecordedResult, string> line)
    {
        if (results.Count == 0) return;
        text.AppendLine($" {title} ({results.Count}):");
        foreach (var r in results) text.AppendLine(line(r));
    }

    /// <summary>Text safe in a Markdown table cell: no pipes, no line breaks, no HTML.</summary>
    public static string Md(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
