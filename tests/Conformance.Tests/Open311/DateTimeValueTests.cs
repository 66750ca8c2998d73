using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Specs;
using static Conformance.Tests.Open311.Open311Fixtures;

namespace Conformance.Tests.Open311;

/// <summary>
/// Erratum E6's pattern only states the W3C shape of a date-time: whether its digits name a real date, a real
/// clock time and a real offset is datetime-timezone's to judge, once.
/// </summary>
public class DateTimeValueTests
{
    private const string RequestsPath = "/requests.{response_format}";

    private static OperationRun Requests(string requested) => Run(RequestsPath, XmlFormat, OperationRole.Other,
        Exchange(Operation(RequestsPath, XmlFormat), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <service_requests><request><service_request_id>HB-1</service_request_id><status>open</status><service_code>pothole</service_code>
            <requested_datetime>{requested}</requested_datetime></request></service_requests>
            """, XmlFormat));

    [TestCase("2024-02-29T23:59:60Z", TestName = "a leap day and a leap second")]
    [TestCase("2000-02-29T00:00Z", TestName = "a leap day in a year divisible by 400")]
    [TestCase("2026-12-31T23:59:59.999999+14:00")]
    [TestCase("2026-01-01T00:00:00-00:00")]
    [TestCase("2016-12-31T18:59:60-05:00", TestName = "a leap second in New York's time (23:59:60 in UTC)")]
    [TestCase("2026-04-30T12:00+05:45")]
    public void A_real_date_and_time_satisfies_the_check(string requested) =>
        Assert.That(new DateTimeTimezoneCheck().Evaluate(Requests(requested), Context).Single().Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase("2014-02-30T25:61:00Z", "February 2014 has 28 days; hour 25 is not 00-23; minute 61 is not 00-59")]
    [TestCase("2023-02-29T10:00:00Z", "February 2023 has 28 days")]
    [TestCase("1900-02-29T10:00:00Z", "February 1900 has 28 days")]
    [TestCase("2026-04-31T10:00Z", "April 2026 has 30 days")]
    [TestCase("2026-13-01T10:00:00Z", "month 13 is not 01-12")]
    [TestCase("2026-00-10T10:00:00Z", "month 00 is not 01-12")]
    [TestCase("2026-09-00T10:00:00Z", "day 00 is not a day of the month")]
    [TestCase("2026-09-01T24:00:00Z", "hour 24 is not 00-23")]
    [TestCase("2026-09-01T08:00:61Z", "second 61 is not 00-60")]
    [TestCase("2026-09-01T10:15:60Z", "second 60 (a leap second) comes only at the end of a day in UTC")]
    [TestCase("2026-09-01T08:00:00+24:00", "offset hour 24 is not 00-23")]
    [TestCase("2026-09-01T08:00:00+05:60", "offset minute 60 is not 00-59")]
    public void An_impossible_date_or_time_violates_it(string requested, string reason)
    {
        var finding = new DateTimeTimezoneCheck().Evaluate(Requests(requested), Context).Single();
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.StartWith("requested_datetime is not a real date and time").And.Contain(reason));
        Assert.That(finding.Details, Has.Some.Contains("at /0/requested_datetime"));
    }

    [Test]
    public void The_schema_leaves_an_impossible_date_to_the_date_time_check_so_it_is_blamed_once()
    {
        var run = Requests("2014-02-30T25:61:00Z");
        Assert.That(new ResponseSchemaCheck().Evaluate(run, Context).Single().Kind, Is.EqualTo(FindingKind.Satisfied), "E6 states the shape only");
        Assert.That(new DateTimeTimezoneCheck().Evaluate(run, Context).Single().Kind, Is.EqualTo(FindingKind.Violated));
    }
}
