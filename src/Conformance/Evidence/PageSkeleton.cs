using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>
/// What is kept of a list page once the checks that read every record have judged it: the envelope (every member
/// but the records), and each record cut down to its ids, which the checks across pages (envelope consistency,
/// the same record on two pages, an id listed twice) read. A record holding no id is kept as an empty object,
/// so counts stay true.
/// </summary>
public static class PageSkeleton
{
    /// <summary>The skeleton of a page, or null where the page is not an envelope that can be cut down.</summary>
    public static JsonObject? Of(JsonNode? page, Pagination p, IReadOnlySet<string> idFields)
    {
        if (page is not JsonObject body || p.RecordsOf(body) is not { } records) return null;
        var contents = p.ContentsOf(body);
        var skeleton = new JsonObject();
        foreach (var (name, value) in body)
            skeleton[name] = name == contents
                ? new JsonArray(records.Select(r => (JsonNode?)(r is JsonObject record ? Ids(record, idFields) : r?.DeepClone())).ToArray())
                : value?.DeepClone();
        return skeleton;
    }

    /// <summary>The id fields a profile's checks read across pages: "id", and each list's unique id.</summary>
    public static IReadOnlySet<string> IdFieldsOf(Profile profile) =>
        profile.UniqueIds.Select(u => u.Field).Append("id").ToHashSet(StringComparer.Ordinal);

    private static JsonObject Ids(JsonObject record, IReadOnlySet<string> idFields)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in record)
            if (idFields.Contains(name) && value is JsonValue) kept[name] = value.DeepClone();
        return kept;
    }
}
