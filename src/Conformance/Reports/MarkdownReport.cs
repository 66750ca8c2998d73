using System.Text;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// summary.md: a short digest for a CI job's summary page (GitHub's $GITHUB_STEP_SUMMARY): the verdict in words,
/// the counts, the clauses that failed first with one example each, and what the run could not cover. Everything
/// a server wrote is shown in code spans, so nothing in it becomes a link, markup or a table cell of its own.
/// </summary>
public sealed class MarkdownReport : IReporter
{
    /// <summary>The clauses shown; report.json has the rest.</summary>
    public const int MostClauses = 10;

    /// <summary>How much of a message or detail an example shows.</summary>
    private const int ExampleLength = 160;

    public string Format => "md";
    public string FileName => "summary.md";

    public void Write(RunResult result, TextWriter writer) => writer.Write(Redaction.Mask(Build(result), result.Secrets));

    private static string Build(RunResult result)
    {
        var md = new StringBuilder();
        md.AppendLine($"## Conformance to {Code(result.StandardName)}: {result.Verdict}");
        md.AppendLine();
        md.AppendLine($"**{VerdictText.Sentence(result)}**");
        md.AppendLine();
        md.AppendLine($"Target {Code(result.Target)} · {result.RequestsSent} request(s) · started {result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · "
                      + $"{(result.FinishedAt - result.StartedAt).TotalSeconds:0.#} s");
        md.AppendLine();
        md.AppendLine("| outcome | results |");
        md.AppendLine("|---|---:|");
        foreach (var outcome in new[] { Outcome.Fail, Outcome.Error, Outcome.Warning, Outcome.Pass, Outcome.Skipped, Outcome.Info })
            md.AppendLine($"| {outcome.ToString().ToLowerInvariant()} | {result.Count(outcome)} |");

        // Failures first, then what the harness could not judge, then warnings: by clause, the most frequent first.
        var clauses = result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Error or Outcome.Warning)
            .GroupBy(r => (r.Clause, r.Outcome))
            .OrderBy(g => g.Key.Outcome switch { Outcome.Fail => 0, Outcome.Error => 1, _ => 2 }).ThenByDescending(g => g.Count())
            .ToList();
        if (clauses.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### What to fix first");
            md.AppendLine();
            md.AppendLine("| clause | outcome | results | example |");
            md.AppendLine("|---|---|---:|---|");
            foreach (var clause in clauses.Take(MostClauses))
            {
                var example = clause.First();
                var text = example.Details.Count > 0 ? $"{example.Message} — {example.Details[0]}" : example.Message;
                md.AppendLine($"| {Code(clause.Key.Clause)} | {clause.Key.Outcome.ToString().ToLowerInvariant()} | {clause.Count()} | "
                              + $"{Code(example.Operation)} ({Code(example.Check)}): {Code(Shorten(text))} |");
            }
            if (clauses.Count > MostClauses)
            {
                md.AppendLine();
                md.AppendLine($"And {clauses.Count - MostClauses} more clause(s) with findings: report.json lists every result.");
            }
        }

        var gaps = result.Coverage.Where(c => c.IsGap).ToList();
        if (gaps.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### Not covered");
            md.AppendLine();
            foreach (var gap in gaps) md.AppendLine($"- {Code(gap.Operation)}: {Code(Shorten(gap.Gap!))}");
        }
        if (result.Aborted is not null)
        {
            md.AppendLine();
            md.AppendLine($"The run stopped early: {Code(result.Aborted)}");
        }
        if (result.ManualClauses.Count > 0)
        {
            md.AppendLine();
            md.AppendLine($"{result.ManualClauses.Count} clause(s) are not automated and need checking by hand: "
                          + string.Join(", ", result.ManualClauses.Select(c => Code(c.Id))) + ".");
        }
        return md.ToString();
    }

    private static string Shorten(string text) => text.Length <= ExampleLength ? text : text[..ExampleLength] + "…";

    /// <summary>
    /// Text as a code span: no link, emphasis or HTML is made of it. A pipe is escaped, as a table cell needs even in
    /// code; backticks and line breaks, which would end the span or the row, become plain quotes and spaces.
    /// </summary>
    public static string Code(string text)
    {
        var flat = new string(text.Select(c => c == '`' ? '\'' : char.IsControl(c) ? ' ' : c).ToArray()).Replace("|", "\\|").Trim();
        return flat.Length == 0 ? "" : $"`{flat}`";
    }

}
