using System.Globalization;
using System.Text;
using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>`conformance diff` and the monitor's summary: what changed, as plain text for a terminal or Markdown for a job summary.</summary>
public static class DiffWriter
{
    /// <summary>Plain text for a terminal: every value read from history shown through <see cref="PlainText"/>.</summary>
    public static string Text(IEnumerable<RunDiff> diffs)
    {
        var text = new StringBuilder();
        foreach (var diff in diffs)
        {
            text.Append(PlainText.Of($"{diff.Target}: ")).AppendLine(BetweenText(diff));
            Section(text, "new failures", diff.NewFailures, r => PlainText.Of($"  + {r.Key}: {r.Message}"));
            Section(text, "fixed", diff.Fixed, r => PlainText.Of($"  - {r.Key}"));
            Section(text, "still failing", diff.StillFailing, r => PlainText.Of($"  = {r.Key}"));
            Section(text, "new warnings", diff.NewWarnings, r => PlainText.Of($"  + {r.Key}: {r.Message}"));
            Section(text, "warnings gone", diff.GoneWarnings, r => PlainText.Of($"  - {r.Key}"));
            if (!diff.Changed) text.AppendLine("  no change");
            text.AppendLine();
        }
        return text.ToString();
    }

    public static string Markdown(IEnumerable<RunDiff> diffs) => Markdown(new MarkdownWriter(), diffs).ToString();

    /// <summary>Each diff as a heading, the runs compared, and a table of the changes; every value a code span.</summary>
    public static MarkdownWriter Markdown(MarkdownWriter md, IEnumerable<RunDiff> diffs)
    {
        foreach (var diff in diffs)
        {
            md.Line($"### {diff.Target}").Line().Line($"{Between(diff)}").Line();
            var rows = diff.NewFailures.Select(r => ("new failure", r)).Concat(diff.Fixed.Select(r => ("fixed", r)))
                .Concat(diff.StillFailing.Select(r => ("still failing", r))).Concat(diff.NewWarnings.Select(r => ("new warning", r)))
                .Concat(diff.GoneWarnings.Select(r => ("warning gone", r))).ToList();
            if (rows.Count == 0)
            {
                md.Line($"No change.").Line();
                continue;
            }
            md.Line($"| change | check | operation | clause | message |").Line($"|---|---|---|---|---|");
            foreach (var (change, r) in rows)
                md.Line($"| {MarkdownText.Ours(change)} | {r.Check} | {r.Operation} | {r.Clause} | {(change is "fixed" or "warning gone" ? "" : r.Message)} |");
            md.Line();
        }
        return md;
    }

    /// <summary>Which runs are compared; the verdicts (read from history) are values like any other.</summary>
    private static MarkdownSpan Between(RunDiff diff) => diff.Before is null
        ? MarkdownText.Span($"first run #{diff.After.Id} ({When(diff.After)}, {Verdict(diff.After)})")
        : MarkdownText.Span($"run #{diff.Before.Id} ({When(diff.Before)}, {Verdict(diff.Before)}) -> run #{diff.After.Id} ({When(diff.After)}, {Verdict(diff.After)})");

    private static MarkdownSpan Verdict(RunRecord run) => MarkdownText.Word(run.Verdict, Running.Verdict.All);

    private static string BetweenText(RunDiff diff) => diff.Before is null
        ? PlainText.Of($"first run #{diff.After.Id} ({Stamp(diff.After)}, {diff.After.Verdict})")
        : PlainText.Of($"run #{diff.Before.Id} ({Stamp(diff.Before)}, {diff.Before.Verdict}) -> run #{diff.After.Id} ({Stamp(diff.After)}, {diff.After.Verdict})");

    private static MarkdownSpan When(RunRecord run) => MarkdownText.Ours(Stamp(run));

    private static string Stamp(RunRecord run) => run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static void Section(StringBuilder text, string title, IReadOnlyList<RecordedResult> results, Func<RecordedResult, string> line)
    {
        if (results.Count == 0) return;
        text.AppendLine($" {title} ({results.Count}):");
        foreach (var r in results) text.AppendLine(line(r));
    }
}
