using Conformance.Http;
using Conformance.NUnit;
using Conformance.Running;
using NUnit.Framework.Interfaces;

namespace Conformance.Tests.Suites;

/// <summary>What the test for one result reports: NUnit's status, and a message that stands on its own.</summary>
public class ResultTestTests
{
    private static ResultTest TestOf(CheckResult result, params string[] secrets) => new(ResultTest.NameOf(result), result, secrets);

    [TestCase(Outcome.Pass, TestStatus.Passed)]
    [TestCase(Outcome.Warning, TestStatus.Passed)]
    [TestCase(Outcome.Info, TestStatus.Passed)]
    [TestCase(Outcome.Fail, TestStatus.Failed)]
    [TestCase(Outcome.Skipped, TestStatus.Skipped)]
    [TestCase(Outcome.Error, TestStatus.Inconclusive)]
    public void Each_outcome_is_reported_as_nunit_status_and_named_first_in_the_message(Outcome outcome, TestStatus status)
    {
        var (reported, message) = TestOf(Runs.Result(outcome)).Conclusion;
        Assert.That(reported, Is.EqualTo(status));
        Assert.That(message, Does.StartWith($"{outcome}: no Access-Control-Allow-Origin header"),
            "TRX records Ignore and Inconclusive alike, and a warning as a pass: the message tells them apart");
    }

    [Test]
    public void A_failure_says_the_finding_its_details_the_clause_the_evidence_and_how_to_repeat_it()
    {
        var (_, message) = TestOf(Runs.Result(Outcome.Fail)).Conclusion;
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("Fail: no Access-Control-Allow-Origin header"));
            Assert.That(message, Does.Contain("  page 1: no Access-Control-Allow-Origin header"));
            Assert.That(message, Does.Contain("Clause: ORUK-3.0/cors (MUST, required endpoint), check cors-allow-origin on GET /services"));
            Assert.That(message, Does.Contain("Request: GET http://vendor.test/services?page=1 (page 1)"));
            Assert.That(message, Does.Contain("Response: 200 application/json"));
            Assert.That(message, Does.Contain($"Body: {{\"total_items\":1").And.Contain(Fixtures.Id1));
            Assert.That(message, Does.Contain("Repeat it: curl -i -H 'Accept: application/json' 'http://vendor.test/services?page=1'"));
        });
    }

    [Test]
    public void A_request_never_answered_says_why_and_a_cutbody_only_starts()
    {
        var unanswered = TestOf(Runs.Result(Outcome.Error, evidence: Fixtures.Unanswered("/services"))).Conclusion.Message;
        Assert.That(unanswered, Does.Contain("Response: none (Connection refused)").And.Not.Contain("Body:"));

        var records = Enumerable.Range(0, 50).Select(i => Fixtures.Service(Guid.NewGuid().ToString(), new string('x', 100))).ToArray();
        var cut = TestOf(Runs.Result(Outcome.Fail, evidence: Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 50, records)))).Conclusion.Message;
        var body = cut.Split('\n').Single(l => l.StartsWith("Body: "));
        Assert.That(body, Has.Length.LessThan(600).And.Contain("bytes in all"));
    }

    [Test]
    public void Secrets_are_masked_wherever_they_were_echoed()
    {
        const string key = "s3cr3t-key-123";
        var echoed = Fixtures.JsonExchange("/services", new System.Text.Json.Nodes.JsonObject { ["error"] = $"bad key {key}" }, status: 401) with
        {
            Url = $"http://vendor.test/services?api_key={key}",
        };
        var result = Runs.Result(Outcome.Fail, message: $"refused {key}", evidence: echoed, details: [$"the server said: bad key {key}"]);
        var (_, message) = TestOf(result, key).Conclusion;
        Assert.That(message, Does.Not.Contain(key));
        Assert.That(message, Does.Contain($"refused {Redaction.Masked}").And.Contain($"api_key={Redaction.Masked}").And.Contain($"bad key {Redaction.Masked}"));
    }

    [Test]
    public void The_name_and_properties_say_clause_operation_and_check()
    {
        var test = TestOf(Runs.Result(Outcome.Pass, operation: "GET /services/{id}"));
        Assert.That(test.Name, Is.EqualTo("ORUK-3.0/cors · GET /services/{id} · cors-allow-origin"));
        Assert.That(test.Properties, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Clause"] = "ORUK-3.0/cors", ["Operation"] = "GET /services/{id}", ["Check"] = "cors-allow-origin", ["Level"] = "MUST", ["Tier"] = "required",
        }));
    }
}
