using System.Globalization;
using Conformance.Http;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Reports;

/// <summary>
/// report.html: the run for a reader who is not a developer (a council officer, a procurement file) with the evidence
/// a developer needs one click away. The verdict comes first in plain words, then what to fix first, every rule with
/// its outcome, each finding's evidence, the rules checked by hand, coverage and the specification's own problems.
/// One file with nothing to fetch: it works from disk, as an e-mail attachment and on paper.
/// </summary>
public sealed class HtmlReport : IReporter
{
    public string Format => "html";
    public string FileName => "report.html";

    public void Write(RunResult result, TextWriter writer)
    {
        var html = new HtmlText(result.Secrets);
        Head(html, result);
        html.Raw("<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n")
            .Raw("<header class=\"banner\"><div class=\"width\"><p>Conformance <span>report</span></p></div></header>\n")
            .Raw("<div class=\"width\"><main id=\"main\">\n");
        Verdict(html, result);
        Contents(html);
        FixFirst(html, result);
        Clauses(html, result);
        Findings(html, result);
        Manual(html, result);
        Coverage(html, result);
        Diagnostics(html, result);
        About(html, result);
        html.Raw("</main></div>\n<footer><div class=\"width\"><p>Written by the conformance harness at ").Text(PlainWords.Time(result.FinishedAt))
            .Raw(". Secrets are shown as <code>").Text(Redaction.Masked).Raw("</code>. This page loads nothing from the network.</p></div></footer>\n")
            .Raw("<script>").Raw(HtmlPage.Script).Raw("</script>\n</body>\n</html>\n");
        writer.Write(Redaction.Mask(html.ToString(), result.Secrets));
    }

    private static void Head(HtmlText html, RunResult result) =>
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlPage.ContentSecurityPolicy}\">\n")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text($"{Title(result.Verdict)}: {result.SupplierName}, {result.StandardName} conformance report{(result.Supplier.Demonstration ? " (a demonstration)" : "")}").Raw("</title>\n")
            .Raw("<style>\n").Raw(HtmlPage.Style).Raw("\n</style>\n</head>\n");

    private static string Title(string verdict) => verdict switch
    {
        Running.Verdict.Pass => "Pass",
        Running.Verdict.PassWithWarnings => "Pass with warnings",
        Running.Verdict.Fail => "Fail",
        Running.Verdict.Inconclusive => "Inconclusive",
        _ => "Not completed",
    };

    /// <summary>
    /// Whose API it is (the vendor and product from the profile, else the host) and at what address; a demonstration
    /// and an address that answers with web pages are said before the verdict, which follows from them.
    /// </summary>
    private static void Verdict(HtmlText html, RunResult result)
    {
        var verdict = PlainWords.Of(result);
        html.Raw("<h1><span class=\"caption\">").Text($"{result.StandardName} conformance report, {PlainWords.Date(result.StartedAt)}").Raw("</span>")
            .Raw("<span id=\"supplier\">").Text(result.SupplierName).Raw("</span></h1>\n")
            .Raw("<p class=\"address\">API tested: <code>").Text(result.Target).Raw("</code></p>\n");
        if (result.Supplier.Demonstration)
            html.Raw("<div class=\"notice\" id=\"demonstration\"><p><strong>").Text(Supplier.DemonstrationHeading).Raw(":</strong> ")
                .Text(Supplier.DemonstrationMeaning).Raw("</p></div>\n");
        if (WebPageAnswers.Of(result))
            html.Raw("<div class=\"notice notice-warning\" id=\"web-page\"><p><strong>").Text(WebPageAnswers.Sentence).Raw(":</strong> ")
                .Text(WebPageAnswers.Advice(result)).Raw("</p></div>\n");
        html.Raw($"<div class=\"panel panel-{verdict.Panel}\" id=\"verdict\"><h2>").Text(verdict.Heading).Raw("</h2>")
            .Element("p", verdict.Meaning).Raw("</div>\n");
    }

    private static void Contents(HtmlText html) => html.Raw("""
        <nav class="contents" aria-label="Contents"><h2>Contents</h2><ul>
        <li><a href="#fix-first">What to fix first</a></li>
        <li><a href="#rules">Every rule tested</a></li>
        <li><a href="#findings">Findings and evidence</a></li>
        <li><a href="#manual">Rules to check by hand</a></li>
        <li><a href="#coverage">Coverage</a></li>
        <li><a href="#specification">Problems with the specification</a></li>
        <li><a href="#about">About this run</a></li>
        </ul></nav>

        """);

    private static void About(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"about\">About this run</h2>\n<dl class=\"summary-list\">");
        html.Pair("Verdict", result.Verdict);
        html.Pair("Supplier", result.Supplier.Vendor is null && result.Supplier.Product is null
            ? $"not named (run without a vendor profile){(result.Supplier.Demonstration ? "; the built-in reference implementation" : "")}"
            : $"{result.Supplier.Product} by {result.Supplier.Vendor}{(result.Supplier.Demonstration ? " (a demonstration)" : "")}");
                html.Pair(result.Client is null ? "API tested" : "Client tested", result.Target);
        if (result.Client is { } client)
            html.Pair("Scenario", $"{client.Scenario} ({client.ScenarioTitle}), played for a {client.Role}: {client.Asks}");
        html.Pair("Standard", $"{result.StandardName} ({result.StandardId})");
        html.Pair("Specification", $"{result.SpecLocation}{(result.SpecVersion.Length > 0 ? $" (OpenAPI {result.SpecVersion})" : "")}, SHA-256 {result.SpecDigest}");
        html.Pair("Started", PlainWords.Time(result.StartedAt));
        html.Pair("Harness", HarnessInfo.Line);
        html.Pair("Took", $"{(result.FinishedAt - result.StartedAt).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        html.Pair(result.Client is null ? "Requests sent" : "Requests received from the client", result.RequestsSent.ToString(CultureInfo.InvariantCulture)
            + (result.Waited > TimeSpan.Zero ? $" ({result.Waited.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s waited as the server asked)" : ""));
        if (result.Seed is { } seed) html.Pair("Pages sampled with seed", $"{seed} (--seed {seed} repeats them)");
        html.Pair("Results", string.Join(", ", Enum.GetValues<Outcome>().Where(o => result.Count(o) > 0).Select(o => PlainWords.Counted(o, result.Count(o)))));
        if (result.Aborted is { } aborted) html.Pair("Stopped early", aborted);
        html.Raw("</dl>\n");
        if (result.Notes.Count + result.UnwrittenReports.Count == 0) return;
        html.Raw("<h3>Notes</h3><ul>");
        foreach (var note in result.Notes.Concat(result.UnwrittenReports)) html.Element("li", note);
        html.Raw("</ul>\n");
    }

    /// <summary>
    /// What stops a pass (<see cref="Reports.FixFirst"/>): each MUST broken on a required endpoint, one group per rule, the
    /// rules broken on most endpoints first, with one example in plain words and a link to its evidence.
    /// </summary>
    private static void FixFirst(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"fix-first\">What to fix first</h2>\n");
        var rules = Reports.FixFirst.Of(result);
        if (rules.Count == 0)
        {
            if (result.Coverage.Any(c => c.IsGap))
                html.Raw("<p>No rule the standard requires was broken, but some required parts could not be tested: see <a href=\"#coverage\">Coverage</a>.</p>\n");
            else
                html.Element("p", "Nothing: no rule the standard requires (MUST) was broken on a required endpoint.");
            return;
        }
        html.Element("p", "Each of these breaks a rule the standard requires (MUST) on a required endpoint. Any one of them fails the run.", "lead");
        foreach (var rule in rules)
        {
            var example = rule.Example;
            html.Raw("<div class=\"fix\">");
            RuleHeading(html, result, rule.Clause, rule.Level);
            html.Element("p", $"Broken on {PlainWords.Count(rule.Endpoints.Count, "required endpoint")}: {string.Join(", ", rule.Endpoints)}.")
                .Raw("<p>For example, on ").Text(example.Operation).Raw(": ").Text(example.Message).Raw("</p>");
            if (rule.Where is { } where)
                html.Raw("<p>First found in the answer to ").Text(where.Request).Raw(", at <code>").Text(where.Pointer).Raw("</code>.</p>");
            html.Raw($"<p><a href=\"#finding-{rule.ExampleIndex + 1}\">The evidence for ").Text(example.Operation).Raw("</a></p></div>\n");
        }
    }

    private static void Clauses(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"rules\">Every rule tested</h2>\n");
        if (result.Results.Count == 0)
        {
            html.Element("p", "No rule was tested.");
            return;
        }
        var ids = ClauseIds(result);
        html.Element("p", "A MUST rule is required: broken on a required endpoint, it fails the run. A SHOULD rule is a recommendation: "
            + "broken, it gives a warning. Optional endpoints are held to the same rules, but only warn.");
        html.Raw("<table><caption>Each rule of the standard the harness tested, and how every endpoint did</caption>")
            .Raw("<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">What it asks</th><th scope=\"col\">Level</th><th scope=\"col\">Outcome</th><th scope=\"col\">Endpoints</th></tr></thead><tbody>\n");
        foreach (var clause in result.Results.GroupBy(r => r.Clause))
        {
            var worst = clause.Select(r => r.Outcome).MaxBy(PlainWords.Severity);
            var counts = clause.GroupBy(r => r.Outcome).OrderByDescending(g => PlainWords.Severity(g.Key)).Select(g => PlainWords.Counted(g.Key, g.Count()));
            html.Raw("<tr><th scope=\"row\">");
            if (clause.Any(r => r.Outcome != Outcome.Pass))
                html.Raw($"<a href=\"#{ids[clause.Key]}\">").Breakable(clause.Key).Raw("</a>");
            else
                html.Breakable(clause.Key);
            html.Raw("</th>").Cell("What it asks", Statement(result, clause.Key) ?? "").Cell("Level", PlainWords.Of(clause.First().Level), "short")
                .OpenCell("Outcome", "short").Raw(PlainWords.Tag(worst)).Raw("</td>")
                .Cell("Endpoints", string.Join(", ", counts)).Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

    /// <summary>Every result that is not a plain pass, by rule, the worst rules first, each with its evidence.</summary>
    private static void Findings(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"findings\">Findings and evidence</h2>\n");
        var findings = Indexed(result).Where(f => f.Result.Outcome != Outcome.Pass).GroupBy(f => f.Result.Clause)
            .OrderByDescending(g => g.Max(f => PlainWords.Severity(f.Result.Outcome))).ToList();
        if (findings.Count == 0)
        {
            html.Element("p", "None: every rule tested passed on every endpoint.");
            return;
        }
        var ids = ClauseIds(result);
        html.Element("p", "Each finding names the endpoint and what was wrong. Open its evidence to see the request, the answer, and a curl line that repeats it.");
        foreach (var clause in findings)
        {
            RuleHeading(html, result, clause.Key, clause.First().Result.Level, ids[clause.Key]);
            foreach (var (finding, id) in clause.OrderByDescending(f => PlainWords.Severity(f.Result.Outcome)))
                HtmlEvidence.Write(html, finding, id, result.Secrets);
        }
    }

    private static void Manual(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"manual\">Rules to check by hand</h2>\n");
        if (result.ManualClauses.Count == 0)
        {
            html.Element("p", "None: every rule of the standard is tested automatically.");
            return;
        }
        html.Element("p", "No automatic test can judge these rules. They are not part of the verdict: a person should check them.");
        html.Raw("<table><caption>Rules not tested automatically</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Level</th><th scope=\"col\">What it asks</th></tr></thead><tbody>\n");
        foreach (var clause in result.ManualClauses)
            html.Raw("<tr><th scope=\"row\">").Breakable(clause.Id).Raw("</th>").Cell("Level", PlainWords.Of(clause.Level)).Cell("What it asks", clause.Statement).Raw("</tr>\n");
        html.Raw("</tbody></table>\n");
    }

    private static void Coverage(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"coverage\">Coverage</h2>\n");
        var reads = result.Coverage.Where(c => c.Read).ToList();
        html.Element("p", $"The harness sent {PlainWords.Count(result.RequestsSent, "request")}, validated "
            + $"{PlainWords.Count(reads.Sum(c => c.RecordsValidated), "record")} against the specification's schema and looked up "
            + $"{PlainWords.Count(reads.Sum(c => c.IdsLookedUp), "record")} by id. A pass needs every required endpoint answered, "
            + "records validated on every required list and a record looked up on every required lookup.");
        var gaps = result.Coverage.Where(c => c.IsGap).ToList();
        if (gaps.Count > 0)
        {
            html.Raw("<h3>Not covered</h3><ul>");
            foreach (var gap in gaps) html.Raw("<li>").Element("code", gap.Operation).Raw(": ").Text(gap.Gap).Raw("</li>");
            html.Raw("</ul>\n");
        }
        if (result.Coverage.Count == 0) return;
        html.Element("p", "An endpoint's requests include those sent for one rule (a filter, a page out of range, an unknown id), "
            + "so a list has more requests than pages; every request counts as answered when the server answered it, whatever the status.");
        html.Raw("<table><caption>What each endpoint covered</caption><thead><tr><th scope=\"col\">Endpoint</th><th scope=\"col\">Tier</th>")
            .Raw("<th scope=\"col\" class=\"number\">Requests sent</th><th scope=\"col\" class=\"number\">Answered</th><th scope=\"col\" class=\"number\">Records validated</th>")
            .Raw("<th scope=\"col\" class=\"number\">Looked up by id</th><th scope=\"col\">Covered</th></tr></thead><tbody>\n");
        // Every answer counts, a rule's own requests too: "12 sent, 3 answered" would read as nine lost requests.
        var answered = result.Exchanges.Where(e => e.Answered).GroupBy(e => e.Operation).ToDictionary(g => g.Key, g => g.Count());
        foreach (var c in result.Coverage)
        {
            var covered = c.Gap is null ? (c.Read ? "yes" : "not a read the run makes")
                : c.IsGap ? $"no: {c.Gap}" : $"no: {c.Gap} (optional: no effect on the verdict)";
            html.Raw("<tr><th scope=\"row\">").Text(c.Operation).Raw("</th>").Cell("Tier", PlainWords.Of(c.Tier))
                .Cell("Requests sent", Number(c.Requests), "number").Cell("Answered", Number(Math.Max(c.Answered, answered.GetValueOrDefault(c.Operation))), "number")
                .Cell("Records validated", Number(c.RecordsValidated), "number").Cell("Looked up by id", Number(c.IdsLookedUp), "number")
                .Cell("Covered", covered).Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

    /// <summary>Problems of the published document, kept apart: they are the standard's owners' to fix, not the vendor's.</summary>
    private static void Diagnostics(HtmlText html, RunResult result)
    {
        html.Raw("<h2 id=\"specification\">Problems with the specification</h2>\n");
        if (result.Diagnostics.Count == 0)
        {
            html.Element("p", "None found.");
            return;
        }
        html.Element("p", "These concern the published specification, not the API tested: none of them counts against the vendor.");
        html.Raw("<table><caption>Diagnostics of the specification</caption><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Where</th><th scope=\"col\">What</th></tr></thead><tbody>\n");
        foreach (var d in result.Diagnostics)
            html.Raw("<tr>").Cell("Kind", d.Kind).OpenCell("Where").Element("code", d.Location.Length == 0 ? "(whole document)" : d.Location).Raw("</td>")
                .Cell("What", d.Message).Raw("</tr>\n");
        html.Raw("</tbody></table>\n");
    }

    /// <summary>A rule in its own words where the profile gives them, with its id (which reports and certificates cite).</summary>
    private static void RuleHeading(HtmlText html, RunResult result, string clause, Level level, string? id = null)
    {
        html.Raw(id is null ? "<h3>" : $"<h3 id=\"{id}\">").Text(Statement(result, clause) ?? clause).Raw("</h3>\n")
            .Element("p", $"Rule {clause} ({PlainWords.Of(level)})", "secondary");
    }

    private static string? Statement(RunResult result, string clause) => result.Clauses.FirstOrDefault(c => c.Id == clause)?.Statement;

    /// <summary>Each result with the id its evidence is found by: its place in the run, so links stay stable.</summary>
    private static IEnumerable<(CheckResult Result, string Id)> Indexed(RunResult result) =>
        result.Results.Select((r, i) => (r, $"finding-{i + 1}"));

    /// <summary>Each rule's anchor, by its order in the run (a clause id is no valid HTML id).</summary>
    private static Dictionary<string, string> ClauseIds(RunResult result) =>
        result.Results.Select(r => r.Clause).Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => $"rule-{x.i + 1}");

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
