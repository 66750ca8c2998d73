using System.Xml.Linq;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Reports;

public class JUnitReportTests
{
    private static RunResult With(params CheckResult[] results) => new()
    {
        StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "http://vendor.test/", SpecLocation = "file:///spec.json",
        SpecDigest = "00", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Results = results,
        Diagnostics = [], ManualClauses = [], RequestsSent = 1,
    };

    private static XDocument Write(RunResult result)
    {
        var writer = new StringWriter();
        new JUnitReport().Write(result, writer);
        return XDocument.Parse(writer.ToString());
    }

    private static CheckResult Result(Outcome outcome, string message = "m") =>
        new("root-document", "ORUK-3.0/discovery", Level.Must, "GET /", Tier.Required, outcome, message, [], null);

    [Test]
    public void Every_fail_is_a_failure_every_error_an_error_and_warnings_do_not_fail()
    {
        var xml = Write(With(Result(Outcome.Fail), Result(Outcome.Fail), Result(Outcome.Error), Result(Outcome.Warning), Result(Outcome.Pass), Result(Outcome.Skipped)));
        Assert.Multiple(() =>
        {
            Assert.That(xml.Descendants("testcase").Count(), Is.EqualTo(6));
            Assert.That(xml.Descendants("failure").Count(), Is.EqualTo(2));
            Assert.That(xml.Descendants("error").Count(), Is.EqualTo(1));
            Assert.That(xml.Descendants("skipped").Count(), Is.EqualTo(1));
            Assert.That(xml.Descendants("system-out").Single().Value, Does.StartWith("WARNING"));
            Assert.That(xml.Descendants("testcase").First().Attribute("classname")!.Value, Is.EqualTo("ORUK-3.0.discovery"));
        });
    }

    [Test]
    public void Characters_xml_cannot_hold_are_dropped_not_fatal() =>
        Assert.That(Write(With(Result(Outcome.Fail, "bad \u0001 value ☕ 🍵"))).Descendants("failure").Single().Attribute("message")!.Value,
            Is.EqualTo("bad  value ☕ 🍵"));
}
