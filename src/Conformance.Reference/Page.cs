using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>Page-number pagination as ORUK and HSDS define it, wrapping records in the envelope.</summary>
public static class Page
{
    public const int DefaultPerPage = 10;
    public const int MaxPerPage = 100;

    public static JsonObject Of(IReadOnlyList<JsonObject> records, int page, int perPage)
    {
        var totalPages = (int)Math.Ceiling(records.Count / (double)perPage);
        var contents = records.Skip((page - 1) * perPage).Take(perPage).Select(r => (JsonNode)r.DeepClone()).ToArray();
        return Envelope(contents, page, totalPages, records.Count);
    }

    /// <summary>One page's records in the envelope, consistent with the page asked for and the totals.</summary>
    public static JsonObject Envelope(JsonNode[] contents, int page, int totalPages, int totalItems) => new()
    {
        ["total_items"] = totalItems,
        ["total_pages"] = totalPages,
        ["page_number"] = page,
        ["size"] = contents.Length,
        ["first_page"] = page == 1,
        ["last_page"] = page >= totalPages,
        ["empty"] = contents.Length == 0,
        ["contents"] = new JsonArray(contents),
    };
}
