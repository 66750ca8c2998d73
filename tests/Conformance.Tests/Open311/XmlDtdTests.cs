using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using static Conformance.Tests.Open311.Open311Fixtures;

namespace Conformance.Tests.Open311;

/// <summary>
/// A DTD in an XML body is refused, for safety: the harness could not judge what it did not read, so it says so
/// as an error, and blames no one. GeoReport does not forbid DTDs.
/// </summary>
public class XmlDtdTests
{
    private const string RequestsPath = "/requests.{response_format}";

    private const string WithDtd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE service_requests SYSTEM "http://api.city.example/georeport.dtd">
        <service_requests><request><service_request_id>HB-1</service_request_id><status>open</status><service_code>pothole</service_code>
        <requested_datetime>2026-09-01T08:00:00Z</requested_datetime></request></service_requests>
        """;

    private static string Without => WithDtd.Replace("<!DOCTYPE service_requests SYSTEM \"http://api.city.example/georeport.dtd\">", "");

    [Test]
    public void The_body_is_refused_and_marked_as_not_read()
    {
        var exchange = Exchange(Operation(RequestsPath, XmlFormat), WithDtd, XmlFormat);
        Assert.That(exchange.Json.Node, Is.Null, "a DTD is never processed");
        Assert.That(exchange.BodyRefused, Is.True);
        Assert.That(exchange.Json.Error, Does.Contain("DTD"));
        Assert.That(Exchange(Operation(RequestsPath, XmlFormat), "<services><service>", XmlFormat).BodyRefused, Is.False, "broken XML is the vendor's");
    }

    [Test]
    public void The_schema_check_cannot_judge_it_and_says_so_as_an_error()
    {
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(Operation(RequestsPath, XmlFormat), WithDtd, XmlFormat));
        var finding = new ResponseSchemaCheck().Evaluate(run, Context).Single();
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Error));
        Assert.That(finding.Message, Does.Contain("DTD").And.Contain("could not judge"));
        var plain = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(Operation(RequestsPath, XmlFormat), Without, XmlFormat));
        Assert.That(new ResponseSchemaCheck().Evaluate(plain, Context).Single().Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_real_schema_failure_beside_it_is_still_reported()
    {
        var broken = Without.Replace("<status>open</status>", "<status>pending</status>");
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other,
            Exchange(Operation(RequestsPath, XmlFormat), WithDtd, XmlFormat), Exchange(Operation(RequestsPath, XmlFormat), broken, XmlFormat));
        Assert.That(new ResponseSchemaCheck().Evaluate(run, Context).Single().Kind, Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void A_filtered_list_that_was_not_read_leaves_the_filter_untested_not_failed()
    {
        var operation = Operation(RequestsPath, XmlFormat);
        var status = Profile.Filters.Single(f => f.Parameter == "status");
        var probe = new FilterProbe([new FilterCondition(status, "open")], "HB-1", "service_request_id", []);
        var check = new FiltersFilterCheck();
        var filtered = Exchange(operation, WithDtd, XmlFormat).For(check, probe);
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other, Fixtures.Sent(Exchange(operation, Without, XmlFormat)), filtered);
        var finding = check.Evaluate(run, Context).Single();
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Does.Contain("DTD"));
    }

    [TestCase(true, FindingKind.Error)]
    [TestCase(false, FindingKind.Satisfied)]
    public void A_write_whose_answer_was_not_read_could_not_be_judged(bool dtd, FindingKind expected)
    {
        var post = Planner.InEachFormat(Spec.Find("POST", RequestsPath)!, Profile.Formats).Single(o => o.Format == XmlFormat).Operation;
        const string answer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE service_requests>
            <service_requests><request><service_request_id>HB-2001</service_request_id></request></service_requests>
            """;
        var check = new WriteAcceptedCheck();
        var write = (Exchange(post, dtd ? answer : answer.Replace("<!DOCTYPE service_requests>", ""), XmlFormat) with { Method = "POST" }).For(check);
        var run = new OperationRun(post, Profile.TierOf(RequestsPath), OperationRole.Write, [write], Format: XmlFormat);
        Assert.That(check.Evaluate(run, Context).Single().Kind, Is.EqualTo(expected));
    }
}
