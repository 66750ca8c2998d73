using System.Text;
using Conformance.Http;
using Conformance.Running;
using Conformance.Text;

namespace Conformance.Reports;

/// <summary>
/// summary.md: a short digest for a CI job's summary page (GitHub's $GITHUB_STEP_SUMMARY): the verdict in words,
/// the counts, the clauses that failed first with one example each, and what the run could not cover. Written through
/// <see cref="MarkdownWriter"/>: every value is a code span, so nothing from a server, spec or profile becomes a link,
/// an image, HTML or a table cell of its own.
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
        var md = new MarkdownWriter();
        md.Line($"## Conformance to {result.StandardName}: {MarkdownText.Word(result.Verdict, Verdict.All)}");
        md.Line();
        md.Line($"**{MarkdownText.Ours(VerdictText.Sentence(result))}**");
        md.Line();
        md.Line($"Supplier {result.SupplierName} · API {result.Target} · {result.RequestsSent} request(s) · started {result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · "
                + $"{(result.FinishedAt - result.StartedAt).TotalSeconds:0.#} s");
        if (result.Supplier.Demonstration)
        {
            md.Line();
            md.Line($"> **{MarkdownText.Ours(Supplier.DemonstrationHeading)}:** {MarkdownText.Ours(Supplier.DemonstrationMeaning)}");
        }
        if (WebPageAnswers.Of(result))
        {
            md.Line();
            md.Line($"> **{MarkdownText.Ours(WebPageAnswers.Sentence)}:** every successful answer on the endpoints the standard requires was HTML. "
                    + $"Check that {result.Target} is the API's base URL, not its documentation, a portal or a login page.");
        }
        if (result.Client is { } client)
            md.Line($"Client judged by the stand-in: a {client.Role}, playing {client.Scenario} ({client.ScenarioTitle}); "
                    + $"{result.Coverage.Count(c => !c.IsGap)} of {result.Coverage.Count} step(s) done.");
        md.Line();
        md.Line($"| outcome | results |");
        md.Line($"|---|---:|");
        foreach (var outcome in new[] { Outcome.Fail, Outcome.Error, Outcome.Warning, Outcome.Pass, Outcome.Skipped, Outcome.Info })
            md.Line($"| {Word(outcome)} | {result.Count(outcome)} |");

        // What to fix first is what report.html lists under it: each MUST broken on a required endpoint.
        var rules = FixFirst.Of(result);
        if (rules.Count > 0)
        {
            md.Line();
            md.Line($"### What to fix first");
            md.Line();
            md.Line($"| clause | endpoints | example |");
            md.Line($"|---|---:|---|");
            foreach (var rule in rules.Take(MostClauses))
                md.Line($"| {rule.Clause} | {rule.Endpoints.Count} | {rule.Example.Operation}: {Shorten(rule.Example.Message)}{Where(rule.Where)} |");
            if (rules.Count > MostClauses)
            {
                md.Line();
                md.Line($"And {rules.Count - MostClauses} more rule(s) broken: report.html lists every one.");
            }
        }

        // Then what the harness could not judge, and warnings: by clause, the most frequent first.
        var others = result.Results.Where(r => r.Outcome is Outcome.Error or Outcome.Warning)
            .GroupBy(r => (r.Clause, r.Outcome))
            .OrderBy(g => g.Key.Outcome == Outcome.Error ? 0 : 1).ThenByDescending(g => g.Count())
            .ToList();
        if (others.Count > 0)
        {
            md.Line();
            md.Line($"### Also found");
            md.Line();
            md.Line($"| clause | outcome | results | example |");
            md.Line($"|---|---|---:|---|");
            foreach (var clause in others.Take(MostClauses))
            {
                var example = clause.First();
                md.Line($"| {clause.Key.Clause} | {Word(clause.Key.Outcome)} | {clause.Count()} | {example.Operation}: {Shorten(example.Message)} |");
            }
            if (others.Count > MostClauses)
            {
                md.Line();
                md.Line($"And {others.Count - MostClauses} more clause(s) with findings: report.json lists every result.");
            }
        }

        var gaps = result.Coverage.Where(c => c.IsGap).ToList();
        if (gaps.Count > 0)
        {
            md.Line();
            md.Line($"### Not covered");
            md.Line();
            foreach (var gap in gaps) md.Line($"- {gap.Operation}: {Shorten(gap.Gap!)}");
        }
        if (result.Aborted is not null)
        {
            md.Line();
            md.Line($"The run stopped early: {result.Aborted}");
        }
        if (result.ManualClauses.Count > 0)
        {
            md.Line();
            md.Line($"{result.ManualClauses.Count} clause(s) are not automated and need checking by hand: "
                    + $"{MarkdownText.Join(", ", result.ManualClauses.Select(c => MarkdownText.Span($"{c.Id}")))}.");
        }
        if (result.UnwrittenReports.Count > 0)
        {
            md.Line();
            md.Line($"### Reports not written");
            md.Line();
            foreach (var problem in result.UnwrittenReports) md.Line($"- {problem}");
        }
        return md.ToString();
    }

    /// <summary>Where the example was first found, after its message: the request and the place in its body.</summary>
    private static MarkdownSpan Where(FixFirst.Place? place) =>
        place is null ? MarkdownText.Ours("") : MarkdownText.Span($" (first in {place.Request}, at {place.Pointer})");

    private static MarkdownSpan Word(Outcome outcome) => MarkdownText.Word(outcome.ToString().ToLowerInvariant(), OutcomeNames);

    private static readonly string[] OutcomeNames = Enum.GetValues<Outcome>().Select(o => o.ToString().ToLowerInvariant()).ToArray();

    private static string Shorten(string text) => text.Length <= ExampleLength ? text : text[..ExampleLength] + "…";
}
