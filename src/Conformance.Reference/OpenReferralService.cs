using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>
/// The behaviour of a conforming Open Referral API (ORUK 3.0, and HSDS 3.0 with /organizations) over
/// <see cref="ReferenceData"/>: routes, pagination (page, per_page), the list filters (<see cref="ServiceFilters"/>),
/// lookups by id and 404 for unknown ids.
/// Pure: no HTTP here.
/// </summary>
public sealed class OpenReferralService(ReferenceData data, bool organizations = false)
{
    private readonly List<JsonObject> _serviceAtLocations = data.ServiceAtLocations().ToList();
    private readonly List<JsonObject> _organizations = organizations ? data.Organizations().ToList() : [];

    public ReferenceResponse Handle(string method, string path, IReadOnlyDictionary<string, string> query)
    {
        if (method is not ("GET" or "HEAD")) return ReferenceResponse.Error(405, $"{method} is not supported.");
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            [] => ReferenceResponse.Ok(data.Root.DeepClone()),
            ["services"] => Filtered(data.Services, s => s, query),
            ["services", var id] => One(data.Services, id, "service"),
            ["taxonomies"] => List(ServiceFilters.Plain(data.Taxonomies, query), query),
            ["taxonomies", var id] => One(data.Taxonomies, id, "taxonomy"),
            ["taxonomy_terms"] => List(ServiceFilters.Plain(data.TaxonomyTerms, query), query),
            ["taxonomy_terms", var id] => One(data.TaxonomyTerms, id, "taxonomy term"),
            ["service_at_locations"] => Filtered(_serviceAtLocations, r => (JsonObject)r["service"]!, query),
            ["service_at_locations", var id] => One(_serviceAtLocations, id, "service at location"),
            ["organizations"] when organizations => List(ServiceFilters.Plain(_organizations, query).Select(Projection.OneToOne).ToList(), query),
            ["organizations", var id] when organizations => One(_organizations, id, "organization"),
            _ => ReferenceResponse.Error(404, $"No endpoint at {path}."),
        };
    }

    /// <summary>A list filtered by the service each record is or holds, then projected to its one-to-one fields.</summary>
    private static ReferenceResponse Filtered(IEnumerable<JsonObject> records, Func<JsonObject, JsonObject> serviceOf, IReadOnlyDictionary<string, string> query)
    {
        var list = records.ToList();
        var (services, invalid) = ServiceFilters.Apply(list.Select(serviceOf), query);
        if (invalid is not null) return ReferenceResponse.Error(400, invalid);
        var kept = services.ToHashSet(ReferenceEqualityComparer.Instance);
        return List(list.Where(r => kept.Contains(serviceOf(r))).Select(Projection.OneToOne).ToList(), query);
    }

    private static ReferenceResponse List(IReadOnlyList<JsonObject> records, IReadOnlyDictionary<string, string> query)
    {
        if (!TryPositive(query, "page", 1, out var page))
            return ReferenceResponse.Error(400, "page must be a whole number from 1.");
        if (!TryPositive(query, "per_page", Page.DefaultPerPage, out var perPage))
            return ReferenceResponse.Error(400, "per_page must be a whole number from 1.");
        return ReferenceResponse.Ok(Page.Of(records, page, Math.Min(perPage, Page.MaxPerPage)));
    }

    private static ReferenceResponse One(IEnumerable<JsonObject> records, string id, string kind) =>
        records.FirstOrDefault(r => r["id"]?.ToString() == id) is { } record
            ? ReferenceResponse.Ok(record.DeepClone())
            : ReferenceResponse.Error(404, $"No {kind} has id '{id}'.");

    private static bool TryPositive(IReadOnlyDictionary<string, string> query, string name, int fallback, out int value)
    {
        value = fallback;
        return !query.TryGetValue(name, out var text) || (int.TryParse(text, out value) && value >= 1);
    }
}
