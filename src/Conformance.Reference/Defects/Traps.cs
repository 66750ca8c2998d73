using System.Text.Json.Nodes;
using Conformance.Evidence;

namespace Conformance.Reference.Defects;

/// <summary>
/// False-fail traps: odd but conforming answers that must still pass. Each is a place where a careless
/// harness would blame a vendor wrongly.
/// </summary>
public static class Traps
{
    public static IEnumerable<Defect> All() =>
    [
        Trap("trap-extra-properties", "oruk-3.0", "Records carry fields the standard does not define (it allows them).",
            Tamper.Records(Tamper.Everywhere, r => r["x_vendor_rating"] = 5)),
        Trap("trap-nested-organization-only", "oruk-3.0", "Services name their organization only in the nested form (organization.id), as the validator's Default feed does.",
            Tamper.Records(p => p.StartsWith("/services", StringComparison.Ordinal), r => r.Remove("organization_id"))),
        Trap("trap-nested-taxonomy-terms-only", "oruk-3.0", "Services name their taxonomy terms only nested (attributes[].taxonomy_term.id); the filter works.",
            Tamper.Records(p => p.StartsWith("/services", StringComparison.Ordinal), OpenReferralDefects.WithoutFlatTerms)),
        Trap("trap-negative-probes", "oruk-3.0", "The conforming reference, tested with --negative: unknown ids get 404, bad page numbers 400.",
            handler => handler, r => r with { Options = r.Options with { OptIns = new HashSet<string> { OptIn.Negative } } }),
        Trap("trap-throttled-once", "oruk-3.0", "The first request for /services is refused with 429 and no Retry-After; the next is served.",
            ThrottleFirst("/services")),
        Trap("trap-malformed-id-400", "oruk-3.0", "With --negative: an id that is not a UUID is refused with 400, an unknown UUID with 404.",
            inner => (method, path, query) => path.StartsWith("/services/", StringComparison.Ordinal) && !Guid.TryParse(path["/services/".Length..], out _)
                ? ReferenceResponse.Error(400, "Ids are UUIDs.") : inner(method, path, query),
            r => r with { Options = r.Options with { OptIns = new HashSet<string> { OptIn.Negative } } }),
        Trap("trap-declared-absent-410", "oruk-3.0", "GET /taxonomies answers 410 Gone, and the vendor declares it not implemented.",
            Tamper.Answers(p => p == "/taxonomies", _ => ReferenceResponse.Error(410, "Withdrawn.")),
            r => r with { Options = r.Options with { Features = new Dictionary<string, Conformance.Vendors.FeatureState> { ["/taxonomies"] = Conformance.Vendors.FeatureState.NotImplemented } } }),
        Trap("trap-per-page-floor", "oruk-3.0", "per_page below 5 is refused with 400, naming the limit.",
            Tamper.Answers((_, q) => int.TryParse(q.GetValueOrDefault("per_page"), out var n) && n < 5, _ => ReferenceResponse.Error(400, "per_page must be at least 5."))),
        Trap("trap-gzip", "oruk-3.0", "Every body is sent gzip-compressed with Content-Encoding: gzip.",
            Tamper.Answers(Tamper.Everywhere, a => a with { Gzip = true })),
        Trap("trap-chunked", "oruk-3.0", "Every body is sent with Transfer-Encoding: chunked.",
            Tamper.Answers(Tamper.Everywhere, a => a with { Headers = new Dictionary<string, string?> { ["Transfer-Encoding"] = "chunked" } })),
        Trap("trap-charset-spelling", "oruk-3.0", "Content-Type is application/json;charset=UTF-8 (no space, upper case).",
            Tamper.Answers(Tamper.Everywhere, a => a with { ContentType = "application/json;charset=UTF-8" })),
        Trap("trap-key-order", "oruk-3.0", "Every object's keys come in reverse order.",
            Tamper.Answers(Tamper.Everywhere, a => a with { Body = Reversed(a.Body) })),
        Trap("trap-whole-numbers-as-decimals", "oruk-3.0", "The page envelope's counts are written 25.0, which JSON Schema counts as integers.",
            Tamper.Answers(p => p == "/services", a => a.Body is JsonObject page ? a with { Body = Decimals(page) } : a)),
        Trap("trap-non-ascii", "oruk-3.0", "Descriptions hold Welsh, accents and emoji.",
            Tamper.Records(p => p.StartsWith("/services", StringComparison.Ordinal), r => r["description"] = $"Gwasanaeth – Café ☕ Ŵŷ {r["description"]}")),
        Trap("trap-empty-optional-array", "oruk-3.0", "Optional lists are sent empty.",
            Tamper.Records(p => p.StartsWith("/services/", StringComparison.Ordinal), r => r["funding"] = new JsonArray())),
        Trap("trap-single-page", "oruk-3.0", "The feed holds 10 services: one page at the default per_page.",
            inner => (method, path, query) => path == "/services" ? OnlyTheFirstTen(inner, method, path, query) : inner(method, path, query)),
        Trap("trap-declared-absent-404", "oruk-3.0", "GET /taxonomies answers 404, and the vendor declares it not implemented.",
            Tamper.Answers(p => p == "/taxonomies", _ => ReferenceResponse.Error(404, "Not offered.")),
            r => r with { Options = r.Options with { Features = new Dictionary<string, Conformance.Vendors.FeatureState> { ["/taxonomies"] = Conformance.Vendors.FeatureState.NotImplemented } } }),
        Trap("trap-same-id-in-two-lists", "oruk-3.0", "The first taxonomy has the same id as the first service: ids are unique within a list, not across lists.",
            Tamper.Renamed("e8222203-802c-5011-a772-a47c107a76c8", "448f5a7a-0dc9-596f-93a4-4b5654eb18f7", "/taxonomies", "taxonomy_id")),
        new Defect
        {
            Name = "trap-equivalent-openapi-document", Standard = "oruk-3.0",
            Breaks = "The / document names an OpenAPI document served beside the API: the standard's, rewritten in OpenAPI 3.1 with type lists, allOf-wrapped $refs, renamed path parameters and reworded prose.",
            ApplyAt = SupplierDocuments.Served("oruk-3.0", SupplierDocuments.Rewritten),
        },
        Trap("trap-open311-application-xml", "open311-georeport-v2", "XML is labelled application/xml; charset=UTF-8.",
            Tamper.Answers(Tamper.Everywhere, a => a.XmlRoot is null ? a : a with { ContentType = "application/xml; charset=UTF-8" })),
        Trap("trap-open311-minutes-only-datetimes", "open311-georeport-v2", "Date-times give minutes but no seconds (the W3C profile allows it).",
            Tamper.Records(p => p.StartsWith("/requests", StringComparison.Ordinal), r =>
            {
                if (r["requested_datetime"]?.ToString() is { } when)
                    r["requested_datetime"] = System.Text.RegularExpressions.Regex.Replace(when, ":00(?=Z|[+-])", "");
            })),
        Trap("trap-open311-write", "open311-georeport-v2", "The conforming reference, with writes allowed: one service request is posted in XML.",
            handler => handler, Open311Defects.AllowWrites),
        Trap("trap-open311-null-optional-fields", "open311-georeport-v2", "Optional request fields are null in JSON and empty elements in XML.",
            Tamper.Records(p => p.StartsWith("/requests", StringComparison.Ordinal), r =>
            {
                r["status_notes"] ??= null;
                r["media_url"] ??= null;
            })),
        Trap("trap-open311-request-id-is-a-service-code", "open311-georeport-v2", "Request HB-1000's id is pothole, also a service's code: a code and a request id are in different lists.",
            Tamper.Renamed("HB-1000", "pothole", "/requests", "service_request_id")),
        Trap("trap-open311-codes-differ-in-case", "open311-georeport-v2", "The service codes pothole and POTHOLE name two service types: Open311 compares codes exactly.",
            Tamper.Renamed("tree", "POTHOLE", "/services", "service_code")),
        Trap("trap-open311-uri-padded-in-xml", "open311-georeport-v2", "In XML, media_url ends with a space, as in the text's own example (anyURI collapses whitespace).",
            Tamper.Records(p => p.StartsWith("/requests", StringComparison.Ordinal) && p.EndsWith(".xml", StringComparison.Ordinal), r =>
            {
                if (r["media_url"] is not null) r["media_url"] = $"{r["media_url"]} ";
            })),
    ];

    private static Defect Trap(string name, string standard, string what, Func<Handler, Handler> apply,
        Func<Conformance.Running.RunRequest, Conformance.Running.RunRequest>? prepare = null) =>
        new() { Name = name, Standard = standard, Breaks = what, Apply = apply, Prepare = prepare ?? (r => r) };

    /// <summary>The first request for a path is throttled (429, no Retry-After); later ones are served.</summary>
    private static Func<Handler, Handler> ThrottleFirst(string path)
    {
        var seen = 0;
        return inner => (method, p, query) => p == path && Interlocked.Exchange(ref seen, 1) == 0
            ? ReferenceResponse.Error(429, "Too many requests.")
            : inner(method, p, query);
    }

    /// <summary>
    /// The feed cut down to the first ten services: filters still apply (to those ten), pagination follows the query.
    /// </summary>
    private static ReferenceResponse OnlyTheFirstTen(Handler inner, string method, string path, IReadOnlyDictionary<string, string> query)
    {
        static List<JsonObject> Contents(ReferenceResponse r) => (r.Body?["contents"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var ten = Contents(inner(method, path, new Dictionary<string, string> { ["per_page"] = "10" })).Select(r => r["id"]?.ToString()).ToHashSet();
        var all = inner(method, path, query.Where(q => q.Key is not ("page" or "per_page")).Append(KeyValuePair.Create("per_page", Page.MaxPerPage.ToString())).ToDictionary());
        if (all.Status != 200) return all;
        var page = int.TryParse(query.GetValueOrDefault("page"), out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(query.GetValueOrDefault("per_page"), out var n) && n > 0 ? Math.Min(n, Page.MaxPerPage) : Page.DefaultPerPage;
        return all with { Body = Page.Of(Contents(all).Where(r => ten.Contains(r["id"]?.ToString())).ToList(), page, perPage) };
    }

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Reversed).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonObject Decimals(JsonObject page)
    {
        var copy = (JsonObject)page.DeepClone();
        foreach (var field in new[] { "total_items", "total_pages", "page_number", "size" })
            if (copy[field] is JsonValue v && v.TryGetValue<int>(out var n)) copy[field] = JsonNode.Parse($"{n}.0");
        return copy;
    }
}
