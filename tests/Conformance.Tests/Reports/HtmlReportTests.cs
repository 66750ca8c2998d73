using System.Text;
using System.Text.RegularExpressions;
using Conformance.Http;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Reports;

public class HtmlReportTests
{
    private const string Hostile = "<script src=\"https://evil.test/x.js\"></script><img src=x onerror=alert(1)><link rel=stylesheet href=\"http://evil.test/s.css\">\"'&";

    private static RunResult With(IReadOnlyList<CheckResult> results, IReadOnlyList<string>? secrets = null, IReadOnlyList<OperationCoverage>? coverage = null,
        string target = "http://vendor.test/") => new()
    {
        StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = target, SpecLocation = "file:///spec.json",
        SpecDigest = "00", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Results = results, RequestsSent = 3,
        Diagnostics = [new SpecDiagnostic(SpecDiagnostic.Parse, Hostile, Hostile)],
        ManualClauses = [new Clause { Id = "ORUK-3.0/https", Level = Level.Must, Statement = Hostile, Source = "s" }],
        Secrets = secrets ?? [], Coverage = coverage ?? [],
    };

    private static Exchange Answer(string body, string url = "http://vendor.test/services?page=1") => new()
    {
        Operation = "GET /services", Purpose = "page 1", Method = "GET", Url = url,
        RequestHeaders = [new("Accept", "application/json")], Status = 200, Body = Encoding.UTF8.GetBytes(body),
        ResponseHeaders = [new("X-Echo", Hostile)], ContentType = "application/json",
    };

    private static CheckResult Result(Outcome outcome, string operation = "GET /services", string clause = "ORUK-3.0/schema", string message = "m",
        IReadOnlyList<string>? details = null, Exchange? evidence = null) =>
        new("response-schema", clause, Level.Must, operation, Tier.Required, outcome, message, details ?? [], evidence);

    private static string Write(RunResult result)
    {
        var writer = new StringWriter();
        new HtmlReport().Write(result, writer);
        return writer.ToString();
    }

    /// <summary>The part of the page under one section heading.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<h2 id=\"{id}\">", StringComparison.Ordinal);
        var end = html.IndexOf("<h2 id=", start + 1, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [Test]
    public void Every_value_from_the_run_is_encoded_and_nothing_is_fetched()
    {
        var evidence = Answer(Hostile + "\u0001", url: "http://vendor.test/services?q=<script>") with { Purpose = Hostile, TransportError = Hostile };
        var html = Write(With([Result(Outcome.Fail, operation: Hostile, message: Hostile, details: [$"page 1: at /contents/0/name: {Hostile}"], evidence: evidence)],
            coverage: [new OperationCoverage(Hostile, Tier.Required, 1, 1, 0, 0, Hostile)], target: Hostile).Apply(r => r.Notes.Add(Hostile)));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("&lt;script src=&quot;https://evil.test/x.js&quot;&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
            Assert.That(html, Does.Contain("&quot;&#39;&amp;"));
            Assert.That(html.Contains('\u0001'), Is.False, "a control character is replaced");
            // The page's own tags (encoded text holds no '<'): the report's one script, no element that fetches, no link off the page.
            var tags = Regex.Matches(html, "<[a-zA-Z][^<>]*>").Select(m => m.Value).ToList();
            Assert.That(tags.Count(t => t.StartsWith("<script", StringComparison.Ordinal)), Is.EqualTo(1), "only the report's own script");
            Assert.That(tags.Where(t => Regex.IsMatch(t, "^<(img|link|iframe|object|embed|video|audio|source|base|form)\\b")), Is.Empty);
            Assert.That(tags.Where(t => Regex.IsMatch(t, "\\s(src|srcset|action|data|poster|background)\\s*=")), Is.Empty);
            Assert.That(tags.SelectMany(t => Regex.Matches(t, "\\shref=\"([^\"]*)\"").Select(m => m.Groups[1].Value)), Is.Not.Empty.And.All.StartsWith("#"));
            // Nor does the style sheet or the script name anything to fetch.
            var own = string.Concat(Regex.Matches(html, "<(style|script)>(.*?)</\\1>", RegexOptions.Singleline).Select(m => m.Groups[2].Value));
            Assert.That(own, Does.Contain("@media print").And.Contain("data-copy"), "the style sheet and the script were both read");
            Assert.That(own, Does.Not.Contain("http").And.Not.Contain("url(").And.Not.Contain("@import").And.Not.Contain("fetch("));
            Assert.That(html, Does.Contain("Content-Security-Policy").And.Contain("default-src 'none'"));
        });
    }

    [Test]
    public void A_secret_is_masked_in_every_spelling_html_would_give_it()
    {
        const string secret = "p&ss<w>rd'42";
        var evidence = Answer($"{{\"echo\": \"{secret}\"}}", url: $"http://vendor.test/services?api_key={Uri.EscapeDataString(secret)}");
        var html = Write(With([Result(Outcome.Fail, message: $"found {secret}", details: [$"page 1: at /echo: found {secret}"], evidence: evidence)], secrets: [secret]));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain(secret));
            Assert.That(html, Does.Not.Contain("p&amp;ss&lt;w&gt;rd&#39;42"), "masked before it was encoded");
            Assert.That(html, Does.Not.Contain(Uri.EscapeDataString(secret)));
            Assert.That(html, Does.Contain($"found {Redaction.Masked}"));
        });
    }

    [Test]
    public void What_to_fix_first_groups_the_failures_by_rule_with_counts_and_one_example_and_leaves_out_warnings()
    {
        var evidence = Answer("{}");
        var html = Write(With(
        [
            Result(Outcome.Fail, "GET /services", message: "status must be one of \"active\"; found \"retired\"", details: ["page 1: at /contents/0/status: found \"retired\""], evidence: evidence),
            Result(Outcome.Fail, "GET /services/{id}", message: "status must be one of \"active\"; found \"gone\"", evidence: evidence),
            Result(Outcome.Fail, "GET /", clause: "ORUK-3.0/cors", message: "no Access-Control-Allow-Origin header", evidence: evidence),
            Result(Outcome.Warning, "GET /taxonomies", clause: "ORUK-3.0/omit-empty", message: "a null field", evidence: evidence),
            Result(Outcome.Pass, "GET /organizations", clause: "ORUK-3.0/json"),
        ]));
        var fix = Section(html, "fix-first");
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(fix, "<div class=\"fix\">").Count, Is.EqualTo(2), "one group per rule");
            Assert.That(fix.IndexOf("ORUK-3.0/schema", StringComparison.Ordinal), Is.LessThan(fix.IndexOf("ORUK-3.0/cors", StringComparison.Ordinal)),
                "the rule broken on most endpoints first");
            Assert.That(fix, Does.Contain("Broken on 2 required endpoints: GET /services, GET /services/{id}."));
            Assert.That(fix, Does.Contain("found &quot;retired&quot;").And.Not.Contain("gone"), "one example each");
            Assert.That(fix, Does.Contain("href=\"#finding-1\""), "a link to the example's evidence");
            Assert.That(fix, Does.Not.Contain("omit-empty"), "a warning is not what stops a pass");
            Assert.That(Section(html, "findings"), Does.Contain("id=\"finding-4\"").And.Not.Contain("id=\"finding-5\""), "findings leave out passes");
            Assert.That(html, Does.Contain("<code>/contents/0/status</code>"), "where in the body");
        });
    }

    [Test]
    public void A_passing_run_says_so_in_plain_words_and_that_there_is_nothing_to_fix()
    {
        var html = Write(With([Result(Outcome.Pass)]));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<div class=\"panel panel-pass\" id=\"verdict\"><h2>Conforms to Open Referral UK 3.0</h2>"));
            Assert.That(Section(html, "fix-first"), Does.Contain("Nothing: no rule the standard requires (MUST) was broken"));
            Assert.That(html, Does.Contain("<title>Pass: "));
        });
    }

    [Test]
    public void An_inconclusive_run_points_at_what_was_not_covered()
    {
        var html = Write(With([Result(Outcome.Pass)], coverage: [new OperationCoverage("GET /services", Tier.Required, 1, 1, 0, 0, "no record was validated: the list returned none")]));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("panel-unknown").And.Contain("Not known: the run could not cover enough"));
            Assert.That(Section(html, "coverage"), Does.Contain("no: no record was validated: the list returned none"));
        });
    }
    [Test]
    public void What_to_fix_first_keeps_the_validators_words_for_the_evidence()
    {
        var details = "middle page (2 of 3): at /contents/0/status: enum: Value should match one of the values specified by the enum; found \"retired\"";
        var html = Write(With([Result(Outcome.Fail, message: "status must be one of \"active\"; found \"retired\"", details: [details], evidence: Answer("{}"))]));
        var fix = Section(html, "fix-first");
        Assert.That(fix, Does.Contain("First found in the answer to middle page (2 of 3), at <code>/contents/0/status</code>."));
        Assert.That(fix, Does.Not.Contain("Value should match"));
        Assert.That(Section(html, "findings"), Does.Contain("Value should match"), "the evidence keeps them");
    }

    [Test]
    public void The_headline_names_the_supplier_from_the_profile_else_the_host()
    {
        var named = With([Result(Outcome.Pass)]);
        named.Supplier = new Supplier("Harbourside <Digital>", "ServiceFinder 4", Demonstration: false);
        var html = Write(named);
        Assert.That(html, Does.Contain("<span id=\"supplier\">ServiceFinder 4 by Harbourside &lt;Digital&gt;</span></h1>"));
        Assert.That(html, Does.Contain("<title>Pass: ServiceFinder 4 by Harbourside &lt;Digital&gt;, Open Referral UK 3.0 conformance report</title>"));
        Assert.That(html, Does.Not.Contain("id=\"demonstration\""));
        Assert.That(Write(With([Result(Outcome.Pass)])), Does.Contain("<span id=\"supplier\">vendor.test</span>"));
    }

    [Test]
    public void A_demonstration_says_so_before_the_verdict()
    {
        var demo = With([Result(Outcome.Pass)]);
        demo.Supplier = new Supplier(null, null, Demonstration: true);
        var html = Write(demo);
        Assert.That(html.IndexOf("id=\"demonstration\"", StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(html.IndexOf("id=\"verdict\"", StringComparison.Ordinal)));
        Assert.That(html, Does.Contain("built-in reference implementation, not a supplier&#39;s product"));
        Assert.That(html, Does.Contain("(a demonstration)</title>"));
    }

    [Test]
    public void An_address_that_answers_with_a_web_page_is_said_at_the_top()
    {
        var page = Answer("<!DOCTYPE html><html><body>Developer portal</body></html>") with { ContentType = "text/html" };
        var run = With([Result(Outcome.Fail, message: "the body is a web page (HTML), not JSON", evidence: page)],
            coverage: [new OperationCoverage("GET /services", Tier.Required, 1, 1, 0, 0, null)]);
        var html = Write(new RunResult
        {
            StandardId = run.StandardId, StandardName = run.StandardName, Target = run.Target, SpecLocation = run.SpecLocation, SpecDigest = run.SpecDigest,
            StartedAt = run.StartedAt, FinishedAt = run.FinishedAt, Results = run.Results, RequestsSent = 1, Diagnostics = [], ManualClauses = [],
            Coverage = run.Coverage, Exchanges = [page],
        });
        Assert.That(html, Does.Contain("<div class=\"notice notice-warning\" id=\"web-page\"><p><strong>This address answers with a web page, not an API:</strong>"));
        Assert.That(html.IndexOf("id=\"web-page\"", StringComparison.Ordinal), Is.LessThan(html.IndexOf("id=\"verdict\"", StringComparison.Ordinal)));
    }

    [Test]
    public void Coverage_counts_every_answer_so_no_request_reads_as_lost()
    {
        var reads = Enumerable.Range(1, 3).Select(i => Answer("{}", $"http://vendor.test/services?page={i}")).ToList();
        var probes = Enumerable.Range(1, 9).Select(i => Answer("{}", $"http://vendor.test/services?search={i}") with { Purpose = "filter" }).ToList();
        var run = new RunResult
        {
            StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "http://vendor.test/", SpecLocation = "file:///spec.json", SpecDigest = "00",
            StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Results = [Result(Outcome.Pass)], RequestsSent = 12, Diagnostics = [],
            ManualClauses = [], Exchanges = [.. reads, .. probes],
            // As the runner counts: twelve requests, three of them ordinary reads answered.
            Coverage = [new OperationCoverage("GET /services", Tier.Required, 12, 3, 75, 0, null)],
        };
        var row = Regex.Match(Section(Write(run), "coverage"), "<tr><th scope=\"row\">GET /services</th>.*?</tr>").Value;
        Assert.That(row, Does.Contain("<td data-label=\"Requests sent\" class=\"number\">12</td><td data-label=\"Answered\" class=\"number\">12</td>"));
    }
}
