using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>Defects of Open Referral feeds (ORUK 3.0, HSDS 3.0), each breaking one rule of the profile.</summary>
public static class OpenReferralDefects
{
    private static bool Item(string path, string list) => path.StartsWith(list + "/", StringComparison.Ordinal);

    public static IEnumerable<Defect> Oruk(string standard = "oruk-3.0") =>
    [
        new()
        {
            Name = "missing-cors", Standard = standard, Check = CorsAllowOriginCheck.CheckId,
            Breaks = "No response carries Access-Control-Allow-Origin.",
            Apply = Tamper.Answers(Tamper.Everywhere, a => a with { Headers = new Dictionary<string, string?> { ["Access-Control-Allow-Origin"] = null } }),
        },
        new()
        {
            Name = "html-content-type", Standard = standard, Check = ContentTypeJsonCheck.CheckId,
            Breaks = "JSON bodies are labelled text/html.",
            Apply = Tamper.Answers(Tamper.Everywhere, a => a with { ContentType = "text/html; charset=utf-8" }),
        },
        new()
        {
            Name = "service-name-missing", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "A service fetched by id has no name, a required field.",
            Apply = Tamper.Records(p => Item(p, "/services"), r => r.Remove("name")),
        },
        new()
        {
            Name = "nested-wrong-type", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Deep inside a service, a contact's name is a number.",
            Apply = Tamper.Records(p => Item(p, "/services"), r =>
            {
                foreach (var contact in (r["contacts"] as JsonArray ?? []).OfType<JsonObject>()) contact["name"] = 42;
            }),
        },
        new()
        {
            Name = "status-outside-enum", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Services have the status 'retired', which the standard does not list.",
            Apply = Tamper.Records(p => p == "/services" || Item(p, "/services"), r => r["status"] = "retired"),
        },
        new()
        {
            Name = "url-and-email-formats", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "A service's url is not a URI and its email not an address.",
            Apply = Tamper.Records(p => Item(p, "/services"), r =>
            {
                r["url"] = "www dot harbourside";
                r["email"] = "hello-at-harbourside";
            }),
        },
        new()
        {
            Name = "null-optional-field", Standard = standard, Check = NoNullFieldsCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "Services send fees as null instead of leaving it out.",
            AlsoCaughtBy = new Dictionary<string, string> { [ResponseSchemaCheck.CheckId] = "the schema types fees as a string, which null is not" },
            Apply = Tamper.Records(p => p == "/services" || Item(p, "/services"), r => r["fees"] = null),
        },
        new()
        {
            Name = "organization-id-missing", Standard = standard, Check = RequiredFieldsCheck.CheckId,
            Breaks = "Services name no organization: neither organization_id nor a nested organization.",
            Apply = Tamper.Records(p => p == "/services" || Item(p, "/services"), r =>
            {
                r.Remove("organization_id");
                r.Remove("organization");
            }),
        },
        new()
        {
            Name = "size-disagrees", Standard = standard, Check = PaginationEnvelopeCheck.CheckId,
            Breaks = "The page envelope's size says 1 whatever contents holds.",
            Apply = Tamper.Answers(p => p == "/services", a => Envelope(a, page => page["size"] = 1)),
        },
        new()
        {
            Name = "last-page-not-flagged", Standard = standard, Check = PaginationEnvelopeCheck.CheckId,
            Breaks = "last_page is false on the last page.",
            Apply = Tamper.Answers(p => p == "/services", a => Envelope(a, page => page["last_page"] = false)),
        },
        new()
        {
            Name = "page-repeats-page-1", Standard = standard, Check = PaginationInvariantsCheck.CheckId,
            Breaks = "Page 2 of /services holds page 1's records again.",
            Apply = inner => (method, path, query) => path == "/services" && query.GetValueOrDefault("page") == "2"
                ? Envelope(inner(method, path, query), page => page["contents"] = inner(method, path, query.Where(q => q.Key != "page").ToDictionary()).Body!["contents"]!.DeepClone())
                : inner(method, path, query),
        },
        new()
        {
            Name = "per-page-ignored", Standard = standard, Check = PaginationInvariantsCheck.CheckId,
            Breaks = "GET /services ignores per_page and always sends 10 records.",
            Apply = Tamper.Ignoring("per_page"),
        },
        new()
        {
            Name = "past-the-end-500", Standard = standard, Check = PaginationInvariantsCheck.CheckId,
            Breaks = "A page after the last page of /services answers 500.",
            Apply = Tamper.Answers((p, q) => p == "/services" && int.TryParse(q.GetValueOrDefault("page"), out var n) && n > 3,
                _ => ReferenceResponse.Error(500, "No such page.")),
        },
        new()
        {
            Name = "services-moved", Standard = standard, Check = NoRedirectCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /services answers 301 Moved Permanently to /v3/services on the same server, which answers correctly.",
            Apply = Tamper.Moved(p => p == "/services", 301, "/v3"),
        },
        new()
        {
            Name = "listed-id-not-found", Standard = standard, Check = IdResolvesCheck.CheckId,
            Breaks = "GET /services/{id} answers 404 for ids /services lists.",
            Apply = Tamper.Answers(p => Item(p, "/services"), _ => ReferenceResponse.Error(404, "Not found.")),
        },
        new()
        {
            Name = "server-error-on-page-2", Standard = standard, Check = NoServerErrorCheck.CheckId,
            Breaks = "Page 2 of /services answers 500.",
            Apply = Tamper.Answers((p, q) => p == "/services" && q.GetValueOrDefault("page") == "2", _ => ReferenceResponse.Error(500, "Internal error.")),
        },
        new()
        {
            Name = "root-without-version", Standard = standard, Check = RootDocumentCheck.CheckId,
            Breaks = "The / document has no version.",
            AlsoCaughtBy = new Dictionary<string, string> { [ResponseSchemaCheck.CheckId] = "the profile's erratum E2 makes the schema require version too" },
            Apply = Tamper.Answers(p => p == "/", a => a with { Body = Without(a.Body!, "version") }),
        },
        new()
        {
            Name = "api-key-demanded", Standard = standard, Check = AnonymousAccessCheck.CheckId,
            Breaks = "Every request needs an api_key, although the standard is open.",
            Apply = Tamper.Answers((_, q) => !q.ContainsKey("api_key"), _ => ReferenceResponse.Error(401, "An api_key is required.")),
            Prepare = r => r with { Probe = r.Probe with { Credentials = new ProbeCredentials([], new("api_key", "matrix-key-1234")) } },
        },
        new()
        {
            Name = "malformed-json", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "GET /services/{id} sends JSON cut off half way.",
            Apply = Tamper.Answers(p => Item(p, "/services"), a => Tamper.Text(a, text => text[..(text.Length / 2)])),
        },
        new()
        {
            Name = "slow-taxonomies", Standard = standard, Check = EndpointAnswersCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /taxonomies (optional) answers after the timeout.",
            Apply = Tamper.Answers(p => p == "/taxonomies", a => a with { Delay = TimeSpan.FromSeconds(3) }),
            Prepare = r => r with { Probe = r.Probe with { Timeout = TimeSpan.FromSeconds(1.5) } },
        },
        new()
        {
            Name = "taxonomy-filter-ignored", Standard = standard, Check = FiltersFilterCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /services ignores taxonomy_term_id and lists every service.",
            Apply = Tamper.Ignoring("taxonomy_term_id"),
        },
        new()
        {
            Name = "search-ignored", Standard = standard, Check = FiltersFilterCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /services ignores search and lists every service (so the record a word came from is always among them).",
            Apply = Tamper.Ignoring("search"),
        },
        new()
        {
            Name = "nested-taxonomy-filter-ignored", Standard = standard, Check = FiltersFilterCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "Services name their taxonomy terms only nested (attributes[].taxonomy_term.id), and taxonomy_term_id is ignored.",
            Apply = handler => Tamper.Records(p => p.StartsWith("/services", StringComparison.Ordinal), WithoutFlatTerms)(Tamper.Ignoring("taxonomy_term_id")(handler)),
        },
        new()
        {
            Name = "declared-absent-but-500", Standard = standard, Check = DeclaredNotImplementedCheck.CheckId,
            Breaks = "GET /taxonomies, declared not implemented by the vendor, answers 500 instead of 404 or 501.",
            Apply = Tamper.Answers(p => p == "/taxonomies", _ => ReferenceResponse.Error(500, "Not built.")),
            Prepare = r => r with { Options = r.Options with { Features = new Dictionary<string, Conformance.Vendors.FeatureState> { ["/taxonomies"] = Conformance.Vendors.FeatureState.NotImplemented } } },
        },
        new()
        {
            Name = "declared-implemented-but-broken", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "GET /taxonomies/{id}, declared implemented, returns taxonomies without a name: a failure, not a warning.",
            Apply = Tamper.Records(p => Item(p, "/taxonomies"), r => r.Remove("name")),
            Prepare = r => r with { Options = r.Options with { Features = new Dictionary<string, Conformance.Vendors.FeatureState> { ["/taxonomies/{id}"] = Conformance.Vendors.FeatureState.Implemented } } },
        },
        new()
        {
            Name = "unknown-id-500", Standard = standard, Check = ErrorsRefuseProperlyCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /services/{id} answers 500 for an id no service has (found with --negative).",
            Apply = Tamper.Answers(p => p == "/services/" + NegativeProbes.UnknownUuid, _ => ReferenceResponse.Error(500, "Null reference.")),
            Prepare = r => r with { Options = r.Options with { OptIns = new HashSet<string> { OptIn.Negative } } },
        },
        new()
        {
            Name = "duplicate-ids-on-a-page", Standard = standard, Check = IdsUniqueCheck.CheckId,
            Breaks = "Page 1 of GET /services lists its first service twice (a join that repeats a row), in place of its second.",
            Apply = FirstRecordRepeated("/services"),
        },
        new()
        {
            Name = "empty-feed", Standard = standard, Check = FeedNotEmptyCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "GET /services lists no services at all.",
            Apply = Tamper.Answers(p => p == "/services", a => a.Status == 200 ? a with { Body = Page.Of([], 1, Page.DefaultPerPage) } : a),
        },
        new()
        {
            Name = "drifted-openapi-document", Standard = standard, Check = "spec-drift", Expected = Outcome.Warning,
            Breaks = "The / document names an OpenAPI document served beside the API in which a service's name is optional and its status may be 'retired'.",
            ApplyAt = SupplierDocuments.Served(standard, SupplierDocuments.Drifted),
        },
    ];

    public static IEnumerable<Defect> Hsds(string standard = "hsds-3.0") =>
    [
        new()
        {
            Name = "hsds-service-name-missing", Standard = standard, Check = ResponseSchemaCheck.CheckId,
            Breaks = "A service fetched by id has no name, a required field.",
            Apply = Tamper.Records(p => Item(p, "/services"), r => r.Remove("name")),
        },
        new()
        {
            Name = "hsds-root-without-openapi-url", Standard = standard, Check = RootDocumentCheck.CheckId,
            Breaks = "The / document has no openapi_url.",
            AlsoCaughtBy = new Dictionary<string, string> { [ResponseSchemaCheck.CheckId] = "the profile's erratum E2 makes the schema require openapi_url too" },
            Apply = Tamper.Answers(p => p == "/", a => a with { Body = Without(a.Body!, "openapi_url") }),
        },
        new()
        {
            Name = "hsds-organization-filter-ignored", Standard = standard, Check = FiltersFilterCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "The lists ignore organization_id and list every service.",
            Apply = Tamper.Ignoring("organization_id"),
        },
        new()
        {
            Name = "hsds-duplicate-ids-on-a-page", Standard = standard, Check = IdsUniqueCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "Page 1 of GET /organizations (optional) lists its first organization twice, in place of its second.",
            Apply = FirstRecordRepeated("/organizations"),
        },
        new()
        {
            Name = "hsds-organization-email", Standard = standard, Check = ResponseSchemaCheck.CheckId, Expected = Outcome.Warning,
            Breaks = "An organization fetched by id (optional endpoint) has an email that is not an address.",
            Apply = Tamper.Records(p => Item(p, "/organizations"), r => r["email"] = "hello-at-harbourside"),
        },
    ];

    /// <summary>A service's attributes without their flat taxonomy_term_id: the term is named only in the nested taxonomy_term.</summary>
    public static void WithoutFlatTerms(JsonObject service)
    {
        foreach (var attribute in (service["attributes"] as JsonArray ?? []).OfType<JsonObject>()) attribute.Remove("taxonomy_term_id");
    }

    /// <summary>
    /// The first page of a list, unfiltered, repeats its first record in place of its second. Filtered pages are left
    /// alone: the defect is in the list, and a filter's results must still show the record its value came from.
    /// </summary>
    private static Func<Handler, Handler> FirstRecordRepeated(string list) =>
        Tamper.Answers((p, q) => p == list && q.Keys.All(k => k is "page" or "per_page") && q.GetValueOrDefault("page", "1") == "1",
            a => Envelope(a, page =>
            {
                if (page["contents"] is JsonArray { Count: > 1 } records) records[1] = records[0]!.DeepClone();
            }));

    private static ReferenceResponse Envelope(ReferenceResponse answer, Action<JsonObject> change)
    {
        if (answer.Status != 200 || answer.Body is not JsonObject page) return answer;
        var copy = (JsonObject)page.DeepClone();
        change(copy);
        return answer with { Body = copy };
    }

    private static JsonNode Without(JsonNode body, string field)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove(field);
        return copy;
    }
}
