using Conformance.Http;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Reports;

public class JsonReportTests
{
    private static RunResult With(Exchange evidence) => new()
    {
        StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "http://vendor.test/", SpecLocation = "file:///spec.json",
        SpecDigest = "00", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Diagnostics = [], ManualClauses = [], RequestsSent = 2,
        Results = [new CheckResult("no-redirect", "ORUK-3.0/documented-url", Level.Should, "GET /services", Tier.Required, Outcome.Warning, "m", [], evidence)],
    };

    [Test]
    public void The_evidence_shows_the_redirects_followed_and_any_not_followed()
    {
        var evidence = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 0)) with
        {
            Redirects = [new Redirect(301, "http://vendor.test/v3/services")],
            RedirectNotFollowed = "it redirects to https://elsewhere.test/, another origin",
        };
        var written = JsonReport.Build(With(evidence))["results"]![0]!["evidence"]!;
        Assert.That(written["redirects"]![0]!["status"]!.GetValue<int>(), Is.EqualTo(301));
        Assert.That(written["redirects"]![0]!["location"]!.GetValue<string>(), Is.EqualTo("http://vendor.test/v3/services"));
        Assert.That(written["redirectNotFollowed"]!.GetValue<string>(), Does.Contain("another origin"));
        Assert.That(written["curl"]!.GetValue<string>(), Does.StartWith("curl -i -L"));
    }
}
