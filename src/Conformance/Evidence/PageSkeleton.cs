using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>
/// What is kept of a list page once the checks that read every record have judged it: the envelope (every member
/// but the records), and each record cut down to its ids, which the checks across pages (envelope consistency,
/// the same record on two pages, an id listed twice) read. A record holding no id is kept as an empty object,
/// so counts stay true; any other object or array on the page is kept empty, and any long text cut short.
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
                ? new JsonArray(records.Select(r => r is JsonObject record ? Ids(record, idFields) : Placeholder(r)).ToArray())
                : p.Meta is { } meta && name == meta.Object && value is JsonObject state ? State(state, meta)
                : Placeholder(value);
        return skeleton;
    }

    /// <summary>
    /// A scalar as it is; an object or an array as an empty one of its kind, so a check still sees what kind of value
    /// stood there, while a server that pads every page with large values cannot make the run keep them.
    /// </summary>
    private static JsonNode? Placeholder(JsonNode? value) => value switch
    {
        JsonObject => new JsonObject(),
        JsonArray => new JsonArray(),
        JsonValue v when v.TryGetValue<string>(out var text) && text.Length > LongestText => JsonValue.Create(text[..LongestText]),
        _ => value?.DeepClone(),
    };

    /// <summary>
    /// A page's state object (APDS's PaginatedListMeta): the members the profile names, each as any envelope member is
    /// kept, so the checks across pages still read them; nothing else of it.
    /// </summary>
    private static JsonObject State(JsonObject state, PageMeta meta) =>
        new(state.Where(m => m.Key == meta.Offset || m.Key == meta.PageSize || m.Key == meta.Total || m.Key == meta.Snapshot)
            .Select(m => KeyValuePair.Create(m.Key, Placeholder(m.Value))));

    /// <summary>The most of a text value kept (no envelope field the checks read is text; ids are kept whole).</summary>
    private const int LongestText = 256;

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
