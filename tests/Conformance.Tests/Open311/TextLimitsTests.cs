using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Open311.Open311Fixtures;

namespace Conformance.Tests.Open311;

/// <summary>
/// Limits the GeoReport text states and the Swagger document leaves out: a request's description is at most
/// 4,000 characters (erratum E7), lat and long are WGS84 degrees (erratum E8).
/// </summary>
public class TextLimitsTests
{
    private const string RequestsPath = "/requests.{response_format}";

    private static FindingKind Judged(string fields)
    {
        var body = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <service_requests><request><service_request_id>HB-1</service_request_id><status>open</status><service_code>pothole</service_code>
            <requested_datetime>2026-09-01T08:00:00Z</requested_datetime>{fields}</request></service_requests>
            """;
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(Operation(RequestsPath, XmlFormat), body, XmlFormat));
        return new ResponseSchemaCheck().Evaluate(run, Context).Single().Kind;
    }

    [TestCase(4000, FindingKind.Satisfied)]
    [TestCase(4001, FindingKind.Violated)]
    public void A_description_is_at_most_4000_characters(int length, FindingKind expected) =>
        Assert.That(Judged($"<description>{new string('é', length)}</description>"), Is.EqualTo(expected));

    [TestCase("50.7201", "-1.88", FindingKind.Satisfied)]
    [TestCase("90", "180", FindingKind.Satisfied)]
    [TestCase("-90", "-180", FindingKind.Satisfied)]
    [TestCase("530000", "180000", FindingKind.Violated, TestName = "a British National Grid easting and northing given as lat and long")]
    [TestCase("90.0001", "0", FindingKind.Violated)]
    [TestCase("0", "-180.5", FindingKind.Violated)]
    public void Lat_and_long_are_wgs84_degrees(string lat, string @long, FindingKind expected) =>
        Assert.That(Judged($"<lat>{lat}</lat><long>{@long}</long>"), Is.EqualTo(expected));
}
