using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>Defects of Open311 GeoReport v2 servers, in XML (required) and JSON (optional).</summary>
public static class Open311Defects
{
    private const string Standard = "open311-georeport-v2";

    private static bool Requests(string path) => path.StartsWith("/requests", StringComparison.Ordinal);
    private static bool ServicesList(string path) => path is "/services.xml" or "/services.json";
    private static bool RequestsList(string path) => path is "/requests.xml" or "/requests.json";

    /// <summary>A run that may write, with the api_key POST requests needs.</summary>
    public static RunRequest AllowWrites(RunRequest request) => request with
    {
        Options = request.Options with { AllowWrites = true },
        Probe = request.Probe with { Credentials = new Http.ProbeCredentials([], new("api_key", "matrix-write-key")) },
    };

    public static IEnumerable<Defect> All() =>
    [
        new()
        {
            Name = "open311-datetime-without-timezone", Standard = Standard, Check = DateTimeTimezoneCheck.CheckId,
            Breaks = "Requests give requested_datetime without Z or an offset.",
            Apply = Tamper.Records(Requests, r =>
            {
                if (r["requested_datetime"]?.ToString() is { } when)
                    r["requested_datetime"] = Regex.Replace(when, "(Z|[+-][0-9]{2}:[0-9]{2})$", "");
            }),
        },
        new()
        {
            Name = "open311-impossible-datetime", Standard = Standard, Check = DateTimeTimezoneCheck.CheckId,
            Breaks = "Requests give updated_datetime as 2026-02-30T25:61:00Z: the W3C shape, but no real day or clock time.",
            Apply = Tamper.Records(Requests, r =>
            {
                if (r["updated_datetime"] is not null) r["updated_datetime"] = "2026-02-30T25:61:00Z";
            }),
        },
        new()
        {
            Name = "open311-jurisdiction-ignored", Standard = Standard, Check = JurisdictionErrorsCheck.CheckId,
            Breaks = "A multi-jurisdiction endpoint answers 200 without jurisdiction_id or with an unknown one.",
            Apply = inner => (method, path, query) => inner(method, path, query.Where(q => q.Key != "jurisdiction_id").ToDictionary()),
            Prepare = r => r with
            {
                Options = r.Options with
                {
                    QueryValues = new Dictionary<string, string> { ["jurisdiction_id"] = Open311Data.JurisdictionId },
                    OptIns = new HashSet<string> { OptIn.SeveralJurisdictions },
                },
            },
        },
        new()
        {
            Name = "open311-status-filter-ignored", Standard = Standard, Check = FiltersFilterCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /requests ignores status and lists open and closed requests alike.",
            Apply = Tamper.Ignoring("status"),
        },
        new()
        {
            Name = "open311-write-refused", Standard = Standard, Check = WriteAcceptedCheck.CheckId,
            Breaks = "POST /requests (allowed on a test environment) answers 500.",
            Apply = inner => (method, path, query) => method == "POST" ? ReferenceResponse.Error(500, "Database unavailable.") with
            {
                ContentType = "text/xml; charset=utf-8", XmlRoot = "errors",
                Body = new JsonArray(new JsonObject { ["code"] = 500, ["description"] = "Database unavailable." }),
            } : inner(method, path, query),
            Prepare = AllowWrites,
        },
        new()
        {
            Name = "open311-xml-labelled-json", Standard = Standard, Check = FormatByExtensionCheck.CheckId,
            Breaks = "XML responses are labelled application/json.",
            Apply = Tamper.Answers(Tamper.Everywhere, a => a.XmlRoot is null ? a : a with { ContentType = "application/json" }),
        },
        new()
        {
            Name = "open311-no-xml-declaration", Standard = Standard, Check = FormatByExtensionCheck.CheckId,
            Breaks = "XML responses start without the XML declaration naming UTF-8.",
            Apply = Tamper.Answers(Tamper.Everywhere, a => a.XmlRoot is null ? a : Tamper.Text(a, text => Regex.Replace(text, @"^<\?xml[^>]*\?>\s*", ""))),
        },
        new()
        {
            Name = "open311-service-type-missing", Standard = Standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Services in the list have no type, a required field.",
            Apply = Tamper.Records(ServicesList, r => r.Remove("type")),
        },
        new()
        {
            Name = "open311-definition-not-found", Standard = Standard, Check = IdResolvesCheck.CheckId,
            Breaks = "GET /services/{service_code} answers 404 for services with metadata.",
            Apply = Tamper.Answers(p => p.StartsWith("/services/", StringComparison.Ordinal), a => a with { Status = 404, Body = new JsonArray() }),
        },
        new()
        {
            Name = "open311-attribute-order-repeated", Standard = Standard, Check = AttributeOrderUniqueCheck.CheckId,
            Breaks = "Every attribute of a service definition has order 1.",
            Apply = Tamper.Answers(p => p.StartsWith("/services/", StringComparison.Ordinal), a =>
            {
                if (a.Status != 200 || a.Body?.DeepClone() is not JsonObject definition) return a;
                foreach (var attribute in definition["attributes"]?.AsArray().OfType<JsonObject>() ?? []) attribute["order"] = 1;
                return a with { Body = definition };
            }),
        },
        new()
        {
            Name = "open311-list-attribute-without-values", Standard = Standard, Check = ListAttributeValuesCheck.CheckId,
            Breaks = "Service definitions leave out the values of their singlevaluelist and multivaluelist attributes.",
            Apply = Tamper.Answers(p => p.StartsWith("/services/", StringComparison.Ordinal), a =>
            {
                if (a.Status != 200 || a.Body?.DeepClone() is not JsonObject definition) return a;
                foreach (var attribute in definition["attributes"]?.AsArray().OfType<JsonObject>() ?? []) attribute.Remove("values");
                return a with { Body = definition };
            }),
        },
        new()
        {
            Name = "open311-status-outside-enum", Standard = Standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Open requests have the status 'pending' (and are filtered by it); the standard has open and closed.",
            Apply = inner => Tamper.Records(Requests, r => r["status"] = r["status"]?.ToString() == "open" ? "pending" : r["status"]?.DeepClone())(
                (method, path, query) => inner(method, path, query.ToDictionary(q => q.Key, q => q.Key == "status" && q.Value == "pending" ? "open" : q.Value))),
        },
        new()
        {
            Name = "open311-empty-required-element", Standard = Standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "In XML, one listed request gives its required service_request_id as an empty element.",
            Apply = Tamper.Records(p => p == "/requests.xml", r =>
            {
                if (r["service_request_id"]?.ToString() == "HB-1000") r["service_request_id"] = "";
            }),
        },
        new()
        {
            Name = "open311-lat-not-a-number", Standard = Standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Requests give lat as text.",
            Apply = Tamper.Records(Requests, r => r["lat"] = "north of the harbour"),
        },
        new()
        {
            Name = "open311-metadata-as-text", Standard = Standard, Check = ResponseSchemaCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "The JSON services list (optional format) gives metadata as the text \"true\" or \"false\"; the definitions are still looked up.",
            Apply = Tamper.Records(p => p == "/services.json", r => r["metadata"] = r["metadata"]?.ToJsonString()),
        },
        new()
        {
            Name = "open311-grid-coordinates", Standard = Standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Requests give British National Grid metres as lat and long (easting 530000, northing 180000), not WGS84 degrees.",
            Apply = Tamper.Records(Requests, r =>
            {
                if (r["lat"] is null) return;
                r["lat"] = 530000;
                r["long"] = 180000;
            }),
        },
        new()
        {
            Name = "open311-description-too-long", Standard = Standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Requests give a description of 4,001 characters; the text limits it to 4,000.",
            Apply = Tamper.Records(Requests, r => r["description"] = new string('x', 4001)),
        },
        new()
        {
            Name = "open311-requests-moved", Standard = Standard, Check = NoRedirectCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /requests answers 302 Found to /georeport/v2/requests on the same server, which answers correctly.",
            Apply = Tamper.Moved(p => p is "/requests.xml" or "/requests.json", 302, "/georeport/v2"),
        },
        new()
        {
            Name = "open311-malformed-json", Standard = Standard, Check = ResponseSchemaCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "The JSON format (optional) is cut off half way.",
            Apply = Tamper.Answers(p => p.EndsWith(".json", StringComparison.Ordinal), a => Tamper.Text(a, text => text[..(text.Length / 2)])),
        },
        new()
        {
            Name = "open311-duplicate-service-code", Standard = Standard, Check = IdsUniqueCheck.CheckId,
            Breaks = "GET services lists its first service type again at the end: two services with the code pothole.",
            Apply = Tamper.Answers(ServicesList, a => a is { Status: 200, Body: JsonArray list }
                ? a with { Body = new JsonArray([.. list.Select(s => s?.DeepClone()), list[0]!.DeepClone()]) }
                : a),
        },
        new()
        {
            Name = "open311-duplicate-service-request-id", Standard = Standard, Check = IdsUniqueCheck.CheckId,
            Breaks = "GET requests gives its second request the first one's service_request_id.",
            // Unfiltered lists only: a filter's results must still show the request its value came from.
            Apply = Tamper.Answers((p, q) => RequestsList(p) && q.Keys.All(k => k == "jurisdiction_id"), a =>
            {
                if (a is not { Status: 200, Body: JsonArray { Count: > 1 } list }) return a;
                var copy = (JsonArray)list.DeepClone();
                copy[1]!["service_request_id"] = copy[0]!["service_request_id"]!.DeepClone();
                return a with { Body = copy };
            }),
        },
        new()
        {
            Name = "open311-xml-doctype", Standard = Standard, Check = ResponseSchemaCheck.CheckId, Expected = Outcome.Error,
            Breaks = "XML bodies declare a DTD, which the harness will not process: it cannot judge them and says so (GeoReport does not forbid DTDs).",
            Apply = Tamper.Answers(Tamper.Everywhere, a => a.XmlRoot is not { } root ? a
                : Tamper.Text(a, text => new Regex(@"\?>").Replace(text, $"?>\n<!DOCTYPE {root}>", 1))),
        },
        new()
        {
            Name = "open311-discovery-missing", Standard = Standard, Check = EndpointAnswersCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "No discovery document beside the endpoint.",
            Apply = Tamper.Answers(p => p.StartsWith("/discovery", StringComparison.Ordinal), a => a with { Status = 404, Body = new JsonArray() }),
        },
    ];
}
