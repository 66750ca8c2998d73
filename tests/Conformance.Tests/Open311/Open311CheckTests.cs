using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using static Conformance.Tests.Open311.Open311Fixtures;

namespace Conformance.Tests.Open311;

/// <summary>Open311's own checks, each shown passing and failing.</summary>
public class Open311CheckTests
{
    private const string ServicesPath = "/services.{response_format}";

    private static Finding Only(Check check, OperationRun run) => check.Evaluate(run, Context).Single();

    [Test]
    public void Xml_labelled_and_declared_as_utf8_satisfies_the_format_check()
    {
        var run = Run(ServicesPath, XmlFormat, OperationRole.Other, Exchange(Operation(ServicesPath, XmlFormat), Services, XmlFormat));
        Assert.That(Only(new FormatByExtensionCheck(), run).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [TestCase("application/json", "Content-Type is 'application/json'")]
    [TestCase("text/html", "Content-Type is 'text/html'")]
    public void Xml_labelled_as_something_else_violates_it(string contentType, string expected)
    {
        var run = Run(ServicesPath, XmlFormat, OperationRole.Other, Exchange(Operation(ServicesPath, XmlFormat), Services, XmlFormat, contentType: contentType));
        var finding = Only(new FormatByExtensionCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain(expected));
    }

    [Test]
    public void Xml_without_a_declaration_violates_it()
    {
        var body = Services.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        var run = Run(ServicesPath, XmlFormat, OperationRole.Other, Exchange(Operation(ServicesPath, XmlFormat), body, XmlFormat));
        Assert.That(Only(new FormatByExtensionCheck(), run).Message, Does.Contain("XML declaration"));
    }

    [Test]
    public void Json_asked_for_by_extension_must_be_labelled_json()
    {
        var operation = Operation(ServicesPath, JsonFormat);
        Assert.That(Only(new FormatByExtensionCheck(), Run(ServicesPath, JsonFormat, OperationRole.Other, Exchange(operation, "[]", JsonFormat))).Kind,
            Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Only(new FormatByExtensionCheck(), Run(ServicesPath, JsonFormat, OperationRole.Other, Exchange(operation, "[]", JsonFormat, contentType: "text/xml"))).Kind,
            Is.EqualTo(FindingKind.Violated));
    }

    private const string RequestsPath = "/requests.{response_format}";

    private static string Requests(string requested) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <service_requests><request><service_request_id>HB-1</service_request_id><status>open</status><service_code>pothole</service_code>
        <requested_datetime>{requested}</requested_datetime><updated_datetime>2026-09-02T10:00:00+01:00</updated_datetime></request></service_requests>
        """;

    [TestCase("2026-09-01T08:00:00Z")]
    [TestCase("2026-09-01T08:00:00.123-05:00")]
    [TestCase("2026-09-01T08:00+01:00")]
    public void Date_times_with_a_timezone_satisfy_the_timezone_check(string requested)
    {
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(Operation(RequestsPath, XmlFormat), Requests(requested), XmlFormat));
        var finding = Only(new DateTimeTimezoneCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(finding.Message, Does.StartWith("2 date-time(s)"));
    }

    [TestCase("2026-09-01T08:00:00")]
    [TestCase("2026-09-01T08:00:00.5")]
    public void A_date_time_without_a_timezone_violates_it(string requested)
    {
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(Operation(RequestsPath, XmlFormat), Requests(requested), XmlFormat));
        var finding = Only(new DateTimeTimezoneCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.StartWith("requested_datetime has no time zone").And.Contain("add a time zone"));
    }

    private static OperationRun Probed(int missing, int unknown)
    {
        var operation = Operation(ServicesPath, XmlFormat);
        return Run(ServicesPath, XmlFormat, OperationRole.Other,
            Fixtures.Sent(Exchange(operation, Services, XmlFormat)),
            Exchange(operation, "<errors/>", XmlFormat, status: missing).For(Jurisdiction, JurisdictionErrorsCheck.Kind.Missing),
            Exchange(operation, "<errors/>", XmlFormat, status: unknown).For(Jurisdiction, JurisdictionErrorsCheck.Kind.Unknown));
    }

    private static readonly JurisdictionErrorsCheck Jurisdiction = new();

    [Test]
    public void A_declared_multi_jurisdiction_endpoint_answering_400_and_404_satisfies_the_jurisdiction_check() =>
        Assert.That(Only(Jurisdiction, Probed(400, 404)).Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase(200, 404, "without jurisdiction_id it answered 200, not 400")]
    [TestCase(400, 400, "with an unknown jurisdiction_id it answered 400, not 404")]
    [TestCase(400, 500, "answered 500, not 404")]
    public void Wrong_statuses_violate_it(int missing, int unknown, string expected)
    {
        var finding = Only(Jurisdiction, Probed(missing, unknown));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain(expected));
    }

    [Test]
    public void Without_a_declared_jurisdiction_it_is_skipped_with_the_reason()
    {
        var run = Run(ServicesPath, XmlFormat, OperationRole.Other, Exchange(Operation(ServicesPath, XmlFormat), Services, XmlFormat));
        var finding = Only(new JurisdictionErrorsCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Does.Contain("several_jurisdictions"));
    }

    [Test]
    public void Requests_made_to_be_refused_are_judged_only_by_the_check_that_sent_them()
    {
        var run = Probed(400, 500);
        Assert.That(Only(new EndpointAnswersCheck(), run).Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Only(new NoServerErrorCheck(), run).Kind, Is.EqualTo(FindingKind.Satisfied), "the 500 is jurisdiction-errors' to report, once");
        Assert.That(Only(Jurisdiction, run).Message, Does.Contain("500"));
    }

    [Test]
    public void A_request_lookup_answered_with_a_list_of_one_resolves()
    {
        const string template = "/requests/{service_request_id}.{response_format}";
        var body = Requests("2026-09-01T08:00:00Z");
        var good = Run(template, XmlFormat, OperationRole.Item, Exchange(Operation(template, XmlFormat), body, XmlFormat, id: "HB-1"));
        var wrong = Run(template, XmlFormat, OperationRole.Item, Exchange(Operation(template, XmlFormat), body, XmlFormat, id: "HB-2"));
        Assert.That(Only(new IdResolvesCheck(), good).Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Only(new IdResolvesCheck(), wrong).Message, Does.Contain("a listed id returned another record; found id HB-2 (got the record with id HB-1)"));
    }

    [Test]
    public void The_discovery_document_needs_a_non_empty_endpoints_list()
    {
        const string template = "/discovery.{response_format}";
        var operation = Operation(template, JsonFormat);
        var good = Run(template, JsonFormat, OperationRole.Discovery, Exchange(operation, """{"endpoints":[{"url":"https://x.test"}]}""", JsonFormat));
        var empty = Run(template, JsonFormat, OperationRole.Discovery, Exchange(operation, """{"endpoints":[]}""", JsonFormat));
        Assert.That(Only(new RootDocumentCheck(), good).Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Only(new RootDocumentCheck(), empty).Message, Does.Contain("'endpoints' is an empty list"));
    }

    [Test]
    public void An_empty_required_element_fails_the_schema_and_a_filled_one_passes()
    {
        var operation = Operation(RequestsPath, XmlFormat);
        var empty = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(operation, Requests("2026-09-01T08:00:00Z").Replace("<service_request_id>HB-1</service_request_id>", "<service_request_id/>"), XmlFormat));
        var filled = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(operation, Requests("2026-09-01T08:00:00Z"), XmlFormat));
        var finding = Only(new ResponseSchemaCheck(), empty);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("service_request_id"));
        Assert.That(Only(new ResponseSchemaCheck(), filled).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    // The text's own XML example for GET Service Requests ends media_url with a space: anyURI collapses whitespace.
    [TestCase("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg ", FindingKind.Satisfied)]
    [TestCase("\n    https://media.example/requests/1.jpg\n  ", FindingKind.Satisfied)]
    [TestCase("   ", FindingKind.Satisfied)]
    [TestCase("https://media.example/a photo.jpg", FindingKind.Violated)]
    [TestCase("not a uri", FindingKind.Violated)]
    public void A_uri_read_from_xml_has_its_whitespace_collapsed_before_it_is_judged(string mediaUrl, FindingKind expected)
    {
        var body = Requests("2010-04-14T06:37:38-08:00").Replace("</request>", $"<media_url>{mediaUrl}</media_url></request>");
        var run = Run(RequestsPath, XmlFormat, OperationRole.Other, Exchange(Operation(RequestsPath, XmlFormat), body, XmlFormat));
        var finding = Only(new ResponseSchemaCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(expected), finding.Message);
    }

    [Test]
    public void A_uri_in_json_keeps_its_whitespace_and_fails()
    {
        var operation = Operation(RequestsPath, JsonFormat);
        const string body = """[{"service_request_id":"1","status":"open","service_code":"a","requested_datetime":"2010-04-14T06:37:38-08:00","media_url":"http://city.gov/638344.jpg "}]""";
        var finding = Only(new ResponseSchemaCheck(), Run(RequestsPath, JsonFormat, OperationRole.Other, Exchange(operation, body, JsonFormat)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated), "JSON strings are what they say: the space is part of the value");
    }
}
