using System.Xml.Linq;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Reports;

public class JUnitReportTests
{
    private static XDocument Write(RunResult result) => XDocument.Parse(Runs.Write(new JUnitReport(), result));

    private static CheckResult Result(Outcome outcome, string message = "m") => Runs.Result(outcome, message: message);

    private static int Count(XDocument xml, string attribute) => int.Parse(xml.Root!.Attribute(attribute)!.Value);

    [Test]
    public void Every_fail_is_a_failure_every_error_an_error_and_warnings_do_not_fail()
    {
        var xml = Write(Runs.Of([Result(Outcome.Fail), Result(Outcome.Fail), Result(Outcome.Error), Result(Outcome.Warning), Result(Outcome.Pass), Result(Outcome.Skipped)]));
        Assert.Multiple(() =>
        {
            Assert.That(xml.Descendants("testcase").Count(), Is.EqualTo(6));
            Assert.That(xml.Descendants("failure").Count(), Is.EqualTo(2));
            Assert.That(xml.Descendants("error").Count(), Is.EqualTo(1));
            Assert.That(xml.Descendants("skipped").Count(), Is.EqualTo(1));
            Assert.That(xml.Descendants("system-out").Single().Value, Does.StartWith("WARNING"));
            Assert.That(xml.Descendants("property").Single(p => p.Attribute("name")!.Value == "warnings").Attribute("value")!.Value, Is.EqualTo("1"));
            Assert.That(xml.Descendants("testcase").First().Attribute("classname")!.Value, Is.EqualTo("ORUK-3.0.discovery"));
            Assert.That((Count(xml, "tests"), Count(xml, "failures"), Count(xml, "errors"), Count(xml, "skipped")), Is.EqualTo((6, 2, 1, 1)));
        });
    }

    [Test]
    public void The_suites_name_says_whose_api_and_when_it_was_a_demonstration()
    {
        var named = Runs.Of([Result(Outcome.Pass)]);
        named.Supplier = new Supplier("Harbourside Digital", "ServiceFinder 4", Demonstration: false);
        Assert.That(Write(named).Root!.Attribute("name")!.Value, Is.EqualTo("conformance oruk-3.0: ServiceFinder 4 by Harbourside Digital"));
        var demo = Runs.Of([Result(Outcome.Pass)]);
        demo.Supplier = new Supplier(null, null, Demonstration: true);
        Assert.That(Write(demo).Root!.Attribute("name")!.Value, Is.EqualTo("conformance oruk-3.0: vendor.test (a demonstration: the built-in reference implementation)"));
    }

    [Test]
    public void A_check_that_judged_an_operation_twice_has_two_test_cases_of_different_names() =>
        Assert.That(Write(Runs.Of([Result(Outcome.Pass), Result(Outcome.Fail)])).Descendants("testcase").Select(t => t.Attribute("name")!.Value),
            Is.EqualTo(new[] { "root-document GET /", "root-document GET / (2)" }));

    [Test]
    public void A_run_stopped_early_or_left_uncovered_counts_an_error_for_each_so_it_never_looks_green()
    {
        var gap = new OperationCoverage("GET /services", Tier.Required, 1, 0, 0, 0, "never answered (refused)");
        var xml = Write(Runs.Of([Result(Outcome.Pass)], aborted: "http://vendor.test/ could not be reached.", coverage: [gap]));
        Assert.Multiple(() =>
        {
            Assert.That(Count(xml, "errors"), Is.EqualTo(2).And.EqualTo(xml.Descendants("error").Count()));
            Assert.That(Count(xml, "tests"), Is.EqualTo(3).And.EqualTo(xml.Descendants("testcase").Count()));
        });
    }

    [Test]
    public void Characters_xml_cannot_hold_are_shown_as_escapes_not_fatal() =>
        Assert.That(Write(Runs.Of([Result(Outcome.Fail, "bad \u0001 value ☕ 🍵")])).Descendants("failure").Single().Attribute("message")!.Value,
            Is.EqualTo("bad \\x01 value ☕ 🍵"));
}
