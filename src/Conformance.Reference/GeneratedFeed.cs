using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>
/// An ORUK 3.0 feed of as many valid services as asked for, made on demand from the reference's own records (the
/// service at position i is reference service i mod 25 under an id of its own), so a feed of 100,000 services costs
/// the server no memory: for harvest tests and the benchmark. Its other endpoints are the reference's.
/// </summary>
public sealed class GeneratedFeed(ReferenceData data, int services, int perPage = Page.DefaultPerPage)
{
    private readonly OpenReferralService _reference = new(data);

    public int Services => services;

    public ReferenceResponse Handle(string method, string path, IReadOnlyDictionary<string, string> query)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["services"] when method is "GET" => List(query),
            ["services", var id] when method is "GET" && IndexOf(id) is { } index => ReferenceResponse.Ok(ServiceAt(index)),
            _ => _reference.Handle(method, path, query),
        };
    }

    /// <summary>The id of the service at a position: a UUID that says its position.</summary>
    public static string IdAt(int index) => $"00000000-0000-4000-8000-{index:x12}";

    private int? IndexOf(string id) =>
        id.StartsWith("00000000-0000-4000-8000-", StringComparison.Ordinal)
        && int.TryParse(id[24..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var index) && index < services ? index : null;

    private JsonObject ServiceAt(int index)
    {
        var service = (JsonObject)data.Services[index % data.Services.Count].DeepClone();
        service["id"] = IdAt(index);
        return service;
    }

    /// <summary>
    /// A page of the services the query's filters keep. Service i is reference service i mod 25 under another id, so
    /// the filters are applied to the 25 and the positions they keep repeat through the feed: no feed-sized work.
    /// </summary>
    private ReferenceResponse List(IReadOnlyDictionary<string, string> query)
    {
        var page = query.TryGetValue("page", out var p) && int.TryParse(p, out var n) ? n : 1;
        var size = query.TryGetValue("per_page", out var s) && int.TryParse(s, out var m) ? Math.Min(m, Page.MaxPerPage) : perPage;
        if (page < 1 || size < 1) return ReferenceResponse.Error(400, "page and per_page must be whole numbers from 1.");
        var (kept, invalid) = ServiceFilters.Apply(data.Services, query);
        if (invalid is not null) return ReferenceResponse.Error(400, invalid);
        var keptSet = kept.ToHashSet(ReferenceEqualityComparer.Instance);
        var residues = Enumerable.Range(0, data.Services.Count).Where(r => keptSet.Contains(data.Services[r])).ToList();
        var cycle = data.Services.Count;
        var total = services / cycle * residues.Count + residues.Count(r => r < services % cycle);
        var totalPages = (total + size - 1) / size;
        var records = Positions(residues, cycle).Skip((page - 1) * size).Take(size)
            .Select(i => (JsonNode)Projection.OneToOne(ServiceAt(i))).ToArray();
        return ReferenceResponse.Ok(Page.Envelope(records, page, totalPages, total));
    }

    /// <summary>The positions, in order, of the services whose reference record is among the kept residues.</summary>
    private IEnumerable<int> Positions(List<int> residues, int cycle)
    {
        if (residues.Count == 0) yield break;
        for (var start = 0; start < services; start += cycle)
            foreach (var r in residues)
                if (start + r < services) yield return start + r;
    }
}
