using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reports;
using Conformance.Running;

namespace Conformance.Tests.Reports;

public class JsonReportTests
{
    private static JsonNode Report(RunResult result)
    {
        var text = Runs.Write(new JsonReport(), result);
        ReportSchema.AssertValid(text);
        return JsonNode.Parse(text)!;
    }

    private static JsonNode ExchangeCitedBy(JsonNode report, int result) =>
        report["exchanges"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == report["results"]![result]!["evidence"]!.GetValue<string>())!;

    [Test]
    public void The_report_names_the_supplier_the_harness_and_whether_it_was_a_demonstration()
    {
        var run = Runs.Of([Runs.Result(Outcome.Pass)]);
        run.Supplier = new Supplier("Harbourside Digital", "ServiceFinder 4", Demonstration: false);
        var report = Report(run);
        Assert.That(report["supplier"]!.ToJsonString(), Is.EqualTo("""{"name":"ServiceFinder 4 by Harbourside Digital","vendor":"Harbourside Digital","product":"ServiceFinder 4"}"""));
        Assert.That(report["demonstration"]!.GetValue<bool>(), Is.False);
        Assert.That(report["harness"]!["version"]!.GetValue<string>(), Is.EqualTo(HarnessInfo.Version).And.StartsWith(HarnessInfo.Number));
        var demo = Runs.Of([Runs.Result(Outcome.Pass)]);
        demo.Supplier = new Supplier(null, null, Demonstration: true);
        var written = Report(demo);
        Assert.That(written["supplier"]!["name"]!.GetValue<string>(), Is.EqualTo("vendor.test"), "no profile: the host");
        Assert.That(written["demonstration"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void The_evidence_shows_the_redirects_followed_and_any_not_followed()
    {
        var evidence = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 0)) with
        {
            Redirects = [new Redirect(301, "http://vendor.test/v3/services")],
            RedirectNotFollowed = "it redirects to https://elsewhere.test/, another origin",
        };
        var written = ExchangeCitedBy(Report(Runs.Of([Runs.Result(Outcome.Warning, evidence)], [evidence])), 0);
        Assert.That(written["redirects"]![0]!["status"]!.GetValue<int>(), Is.EqualTo(301));
        Assert.That(written["redirects"]![0]!["location"]!.GetValue<string>(), Is.EqualTo("http://vendor.test/v3/services"));
        Assert.That(written["redirectNotFollowed"]!.GetValue<string>(), Does.Contain("another origin"));
        Assert.That(written["curl"]!.GetValue<string>(), Does.StartWith("curl -i -L"));
    }

    [Test]
    public void An_exchange_judged_by_many_checks_is_written_once_and_every_request_is_listed()
    {
        var page = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 1, Fixtures.Service(Fixtures.Id1)), page: 1);
        var other = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 1), page: 1) with { Purpose = "without credentials" };
        var results = Enumerable.Range(0, 5).Select(i => Runs.Result(Outcome.Pass, page, check: $"check-{i}")).ToList();
        var report = Report(Runs.Of(results, [page, other], owners: new Dictionary<Exchange, RequestOwner>(ReferenceEqualityComparer.Instance) { [other] = new AnonymousAccessCheck() }));

        var exchanges = report["exchanges"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(report["schemaVersion"]!.GetValue<int>(), Is.EqualTo(JsonReport.SchemaVersion));
            Assert.That(exchanges, Has.Count.EqualTo(2), "each exchange once, cited or not");
            Assert.That(report["results"]!.AsArray().Select(r => r!["evidence"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "e1" }));
            Assert.That(exchanges[0]!["responseExcerpt"]!.GetValue<string>(), Does.Contain(Fixtures.Id1), "the evidence keeps its excerpt");
            Assert.That(exchanges[1]!["responseExcerpt"], Is.Null, "an exchange no result cites has its body in exchanges.har only");
            Assert.That(exchanges[1]!["ownedBy"]!.GetValue<string>(), Is.EqualTo("anonymous-access"));
            Assert.That(exchanges[0]!["ownedBy"], Is.Null, "what did not apply is left out");
            Assert.That(exchanges[0]!["requestHeaders"]![0]!.GetValue<string>(), Is.EqualTo("Accept: application/json"));
        });
    }

    [Test]
    public void Evidence_the_run_did_not_record_is_still_written()
    {
        var recorded = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 0), page: 1);
        var unrecorded = Fixtures.Unanswered("/services/x");
        var report = Report(Runs.Of([Runs.Result(Outcome.Pass, recorded), Runs.Result(Outcome.Error, unrecorded)], [recorded]));
        Assert.That(ExchangeCitedBy(report, 1)["transportError"]!.GetValue<string>(), Is.EqualTo("Connection refused"));
        Assert.That(ExchangeCitedBy(report, 1)["status"], Is.Null);
    }

    [Test]
    public void The_schema_refuses_a_report_it_does_not_describe()
    {
        var page = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 0), page: 1);
        var report = JsonReport.Build(Runs.Of([Runs.Result(Outcome.Pass, page)], [page]));
        Assert.That(ReportSchema.Problems(report.ToJsonString()), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(ReportSchema.Problems(report.DeepClone().Apply(r => r["exchanges"]![0]!["surprise"] = 1).ToJsonString()), Is.Not.Empty, "an undocumented field");
            Assert.That(ReportSchema.Problems(report.DeepClone().Apply(r => r["results"]![0]!["evidence"] = "e9").ToJsonString()), Is.Not.Empty, "evidence that is not there");
            Assert.That(ReportSchema.Problems(report.DeepClone().Apply(r => r.AsObject().Remove("verdict")).ToJsonString()), Is.Not.Empty, "a field missing");
            Assert.That(ReportSchema.Problems(report.DeepClone().Apply(r => r["startedAt"] = "yesterday").ToJsonString()), Is.Not.Empty, "a time that is none");
        });
    }

    [Test]
    public void A_result_without_evidence_cites_none() =>
        Assert.That(Report(Runs.Of([Runs.Result(Outcome.Skipped)]))["results"]![0]!["evidence"], Is.Null);

    [Test]
    public void A_secret_in_any_field_is_masked()
    {
        var echo = Fixtures.JsonExchange("/services", new JsonObject { ["next"] = "https://vendor.test/services?key=k3y-secret-value" }) with
        {
            ResponseHeaders = [new("Link", "<https://vendor.test/services?key=k3y-secret-value>")],
        };
        var text = Runs.Write(new JsonReport(), Runs.Of([Runs.Result(Outcome.Fail, echo, message: "saw k3y-secret-value")], [echo], secrets: ["k3y-secret-value"]));
        Assert.That(text, Does.Not.Contain("k3y-secret-value").And.Contain("key=***"));
    }
}
