using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Reports;

public class MarkdownReportTests
{
    private static string Write(RunResult result) => Runs.Write(new MarkdownReport(), result);

    [Test]
    public void A_failing_run_says_so_in_words_and_shows_each_failing_clause_once_with_a_count_and_an_example()
    {
        var results = new[]
        {
            Runs.Result(Outcome.Fail, check: "response-schema", clause: "ORUK-3.0/schema", operation: "GET /services", message: "2 response(s) invalid.", details: "at /contents/0/id: not a uuid"),
            Runs.Result(Outcome.Fail, check: "response-schema", clause: "ORUK-3.0/schema", operation: "GET /services/{id}", message: "1 response(s) invalid."),
            Runs.Result(Outcome.Warning, check: "no-redirect", clause: "ORUK-3.0/documented-url", operation: "GET /services"),
            Runs.Result(Outcome.Pass),
        };
        var md = Write(Runs.Of(results));
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.StartWith("## Conformance to `Open Referral UK 3.0`: fail"));
            Assert.That(md, Does.Contain("**Does not conform: 1 MUST rule broken on required endpoints (2 failing results).**"));
            Assert.That(md, Does.Contain("| fail | 2 |").And.Contain("| pass | 1 |").And.Contain("| warning | 1 |"));
            Assert.That(md, Does.Contain("| `ORUK-3.0/schema` | 2 | `GET /services`: `2 response(s) invalid.` |"), "the rule, its endpoints and one example");
            Assert.That(md.IndexOf("ORUK-3.0/schema", StringComparison.Ordinal), Is.LessThan(md.IndexOf("ORUK-3.0/documented-url", StringComparison.Ordinal)),
                "failures come before warnings");
            var fixFirst = md[md.IndexOf("### What to fix first", StringComparison.Ordinal)..md.IndexOf("### Also found", StringComparison.Ordinal)];
            Assert.That(fixFirst, Does.Not.Contain("documented-url"), "what to fix first is what report.html lists there: MUST rules broken on required endpoints");
            Assert.That(md, Does.Contain("| `ORUK-3.0/documented-url` | warning | 1 | `GET /services`: `m` |"), "the warning, under Also found");
        });
    }

    [Test]
    public void An_example_says_where_in_plain_words_and_never_repeats_itself_or_the_validators_words()
    {
        var results = new[]
        {
            Runs.Result(Outcome.Fail, check: "response-schema", clause: "ORUK-3.0/schema", operation: "GET /services",
                message: "status must be one of \"active\", \"inactive\"; found \"retired\" (in 25 of 25 records)",
                details: "middle page (2 of 3): at /contents/0/status: enum: Value should match one of the values specified by the enum; found \"retired\""),
            Runs.Result(Outcome.Fail, check: "cors-allow-origin", clause: "ORUK-3.0/cors", operation: "GET /",
                message: "no Access-Control-Allow-Origin header", details: "fetch: no Access-Control-Allow-Origin header"),
        };
        var md = Write(Runs.Of(results));
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("(first in `middle page (2 of 3)`, at `/contents/0/status`)"));
            Assert.That(md, Does.Not.Contain("Value should match"), "the validator's own words are for the evidence");
            Assert.That(md, Does.Contain("| `ORUK-3.0/cors` | 1 | `GET /`: `no Access-Control-Allow-Origin header` |"), "said once");
        });
    }

    [Test]
    public void The_supplier_is_named_and_a_demonstration_says_so()
    {
        var named = Runs.Of([Runs.Result(Outcome.Pass)]);
        named.Supplier = new Supplier("Harbourside Digital", "ServiceFinder 4", Demonstration: false);
        Assert.That(Write(named), Does.Contain("Supplier `ServiceFinder 4 by Harbourside Digital` · API `http://vendor.test/`").And.Not.Contain("demonstration"));
        var demo = Runs.Of([Runs.Result(Outcome.Pass)]);
        demo.Supplier = new Supplier(null, null, Demonstration: true);
        Assert.That(Write(demo), Does.Contain("Supplier `vendor.test` ·").And.Contain("> **A demonstration:** the API tested is the harness's own built-in reference implementation"));
    }

    [Test]
    public void An_address_that_answers_with_web_pages_is_said_at_the_top()
    {
        var page = new Conformance.Http.Exchange
        {
            Operation = "GET /services", Purpose = "page 1", Method = "GET", Url = "http://vendor.test/services", RequestHeaders = [], Status = 200,
            ContentType = "text/html; charset=utf-8", Body = System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Our API</body></html>"),
        };
        var coverage = new OperationCoverage("GET /services", Tier.Required, 1, 1, 0, 0, null);
        var md = Write(Runs.Of([Runs.Result(Outcome.Fail, page, operation: "GET /services", message: "the body is a web page (HTML), not JSON")], [page], coverage: [coverage]));
        Assert.That(md, Does.Contain("> **This address answers with a web page, not an API:**"));
        Assert.That(md.IndexOf("web page, not an API", StringComparison.Ordinal), Is.LessThan(md.IndexOf("| outcome |", StringComparison.Ordinal)), "at the top");
        var json = Runs.Of([Runs.Result(Outcome.Pass)], [new Conformance.Http.Exchange
        {
            Operation = "GET /services", Purpose = "page 1", Method = "GET", Url = "http://vendor.test/services", RequestHeaders = [], Status = 200,
            ContentType = "application/json", Body = "{}"u8.ToArray(),
        }], coverage: [coverage]);
        Assert.That(Write(json), Does.Not.Contain("web page"));
    }

    [Test]
    public void What_a_server_wrote_becomes_no_link_markup_or_table_cell()
    {
        var hostile = Runs.Result(Outcome.Fail, message: "see [here](https://evil.example/) or www.evil.example | <b>x</b> `tick`\nnext | row ![p](http://host/p.png)");
        var md = Write(Runs.Of([hostile], aborted: "https://evil.example/ could not be reached."));
        var document = Markdig.Markdown.Parse(md, Text.MarkdownTextTests.Gfm);
        Assert.Multiple(() =>
        {
            Assert.That(Text.MarkdownTextTests.Active(document), Is.Empty, "no link, image, autolink or HTML");
            var row = document.OfType<Markdig.Extensions.Tables.Table>().Last().Skip(1).Cast<Markdig.Extensions.Tables.TableRow>().Single();
            Assert.That(row, Has.Count.EqualTo(3), "three cells (clause, endpoints, example), the server's pipes escaped");
            Assert.That(md, Does.Contain("The run stopped early: `https://evil.example/ could not be reached.`"));
            Assert.That(md, Does.Contain(@"``see [here](https://evil.example/) or www.evil.example \| <b>x</b> `tick`\nnext \| row ![p](http://host/p.png)``"),
                "the message whole, in a fence longer than its backticks, its line break shown");
        });
    }

    [Test]
    public void Only_the_first_clauses_are_listed_and_the_rest_counted()
    {
        var results = Enumerable.Range(1, MarkdownReport.MostClauses + 3).Select(i => Runs.Result(Outcome.Fail, clause: $"ORUK-3.0/rule-{i}")).ToList();
        var md = Write(Runs.Of(results));
        Assert.That(md.Split('\n').Count(l => l.StartsWith("| `ORUK-3.0/rule-")), Is.EqualTo(MarkdownReport.MostClauses));
        Assert.That(md, Does.Contain("And 3 more rule(s) broken"));
    }

    [TestCase(Outcome.Pass, "Conforms: every automated check passed")]
    [TestCase(Outcome.Warning, "Conforms, with warnings: no MUST rule is broken on a required endpoint, but 1 warning")]
    public void A_passing_run_says_it_conforms(Outcome outcome, string words) =>
        Assert.That(Write(Runs.Of([Runs.Result(outcome)])), Does.Contain($"**{words}"));

    [Test]
    public void An_inconclusive_run_names_what_was_not_covered()
    {
        var gap = new OperationCoverage("GET /services", Tier.Required, 1, 1, 0, 0, "no record was validated: the list returned none");
        var md = Write(Runs.Of([Runs.Result(Outcome.Pass)], coverage: [gap]));
        Assert.That(md, Does.Contain("**Inconclusive: nothing failed, but 1 required part could not be covered"));
        Assert.That(md, Does.Contain("- `GET /services`: `no record was validated: the list returned none`"));
    }

    [Test]
    public void A_secret_is_masked() =>
        Assert.That(Write(Runs.Of([Runs.Result(Outcome.Fail, message: "echoed k3y-secret-value")], secrets: ["k3y-secret-value"])),
            Does.Not.Contain("k3y-secret-value").And.Contain("echoed ***"));
}
