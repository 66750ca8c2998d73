using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>Reading records and ids out of answers: what a page holds, the record a lookup returned, a record's id.</summary>
public static class AnswerRecords
{
    /// <summary>
    /// The records a response holds: the envelope's records field when the standard paginates, else a top-level
    /// array, else the objects in every top-level array (data, items, results, links...).
    /// </summary>
    public static List<JsonObject> On(Exchange response, Pagination? p)
    {
        if (!response.IsSuccess) return [];
        var arrays = response.Json.Node switch
        {
            JsonObject body when p is not null => [p.RecordsOf(body)],
            JsonArray array => [array],
            JsonObject body => body.Select(x => x.Value as JsonArray),
            _ => [],
        };
        return arrays.OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>()).ToList();
    }

    /// <summary>The record a lookup returned: an object, or a list holding exactly one (Open311 wraps requests so).</summary>
    public static JsonObject? In(JsonNode? body) => body switch
    {
        JsonObject record => record,
        JsonArray { Count: 1 } list => list[0] as JsonObject,
        _ => null,
    };

    /// <summary>
    /// The values records give for a path parameter: the field named like it ({petId}: petId or pet_id),
    /// else "id" where the parameter is an id. A record without such a field gives nothing.
    /// </summary>
    public static List<string> IdsFor(IEnumerable<JsonObject> records, string parameter) =>
        records.Select(r => IdOf(r, parameter) ?? "").Where(id => id.Length > 0).Distinct().ToList();

    /// <summary>A record's value for a path parameter, by <see cref="IdFields"/>; null when it has none.</summary>
    public static string? IdOf(JsonObject record, string parameter) =>
        IdFields(parameter).Select(f => record[f]).OfType<JsonValue>().Select(JsonText.Of).FirstOrDefault(v => v is not null);

    /// <summary>The fields that may hold a path parameter's value: its name, in snake_case, then "id" for ids.</summary>
    public static IReadOnlyList<string> IdFields(string parameter) => IdFieldsByParameter.GetOrAdd(parameter, FieldsFor);

    // Asked once per record read, with a handful of parameter names: worked out once each.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> IdFieldsByParameter = new();

    private static IReadOnlyList<string> FieldsFor(string parameter)
    {
        var snake = System.Text.RegularExpressions.Regex.Replace(parameter, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
        var fields = new List<string> { parameter, snake };
        if (parameter == "id" || snake.EndsWith("_id") || snake.EndsWith("id")) fields.Add("id");
        return fields.Distinct().ToList();
    }

    /// <summary>Whether a page says it is the last (by its flag, or its number against the page count).</summary>
    public static bool IsLastPage(Exchange page, Pagination p) => page.Json.Node is JsonObject body
        && (body[p.LastPage] is JsonValue flag && flag.TryGetValue<bool>(out var last) ? last
            : JsonNumbers.WholeNumber(body[p.PageNumber]) is { } number && JsonNumbers.WholeNumber(body[p.TotalPages]) is { } total ? number >= total
            // A page whose state is an object of its own (PaginatedListMeta): its records reach the total, or it holds none.
            : p.Meta is { } meta && body[meta.Object] is JsonObject state && JsonNumbers.WholeNumber(state[meta.Offset]) is { } offset
              && JsonNumbers.WholeNumber(state[meta.Total]) is { } all && (offset + (p.RecordsOf(body)?.Count ?? 0) >= all || p.RecordsOf(body) is { Count: 0 }));
}
