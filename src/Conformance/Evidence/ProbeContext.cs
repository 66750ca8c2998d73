using System.Text.Json.Nodes;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>
/// What a check may use to plan its requests: the target and the values every request carries, and what the run has
/// seen so far (records listed and records fetched whole, by list). Whether a check's requests are sent at all, where
/// the user or the vendor must ask for them, is the check's own declaration (<see cref="OptIn"/>), not a switch here.
/// </summary>
public sealed class ProbeContext
{
    public required Uri Target { get; init; }
    public required Spec Spec { get; init; }
    public required Profile Profile { get; init; }
    /// <summary>Query parameters every request carries (a vendor profile's, e.g. jurisdiction_id).</summary>
    public IReadOnlyDictionary<string, string> QueryValues { get; init; } = new Dictionary<string, string>();
    /// <summary>Values for path parameters no list supplies (a vendor profile's path_parameters).</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>();
    /// <summary>Records each list gave, by the list's path.</summary>
    public IReadOnlyDictionary<string, List<JsonObject>> Listed { get; init; } = new Dictionary<string, List<JsonObject>>();
    /// <summary>Records fetched whole by id, by the list that named them.</summary>
    public IReadOnlyDictionary<string, List<JsonObject>> Known { get; init; } = new Dictionary<string, List<JsonObject>>();
    /// <summary>
    /// Whether the user allowed writes (--allow-writes, on a test environment only): a check may then declare a request
    /// that writes (<see cref="ProbeRequest.Write"/>); otherwise the runner never sends one.
    /// </summary>
    public bool WritesAllowed { get; init; }
    /// <summary>Every operation read so far.</summary>
    public IReadOnlyList<OperationRun> Runs { get; init; } = [];

    /// <summary>The query every request carries, escaped; one parameter may be left out.</summary>
    public string FixedQuery(string? without = null) =>
        string.Join("&", QueryValues.Where(q => q.Key != without).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

    /// <summary>A URL on the target: the path (its parameter filled with <paramref name="id"/>), the fixed query, then more.</summary>
    public Uri Url(string path, string? id = null, params string[] query) => TargetUrls.Url(Target, path, id, TargetUrls.Join([FixedQuery(), .. query]));

    /// <summary>A page of a list.</summary>
    public Uri PageUrl(string path, long page, params string[] query) =>
        Url(path, null, [$"{Profile.Pagination?.PageParameter ?? "page"}={page}", .. query]);
}
