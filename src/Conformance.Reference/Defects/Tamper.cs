using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Evidence;

namespace Conformance.Reference.Defects;

/// <summary>Building blocks for defects: change the answers to some requests, or the records they hold.</summary>
public static class Tamper
{
    /// <summary>Answers to requests whose path matches are changed; others are left alone.</summary>
    public static Func<Handler, Handler> Answers(Func<string, bool> where, Func<ReferenceResponse, ReferenceResponse> change) =>
        inner => (method, path, query) => where(path) ? change(inner(method, path, query)) : inner(method, path, query);

    /// <summary>Answers to requests matching path and query are changed.</summary>
    public static Func<Handler, Handler> Answers(Func<string, IReadOnlyDictionary<string, string>, bool> where,
        Func<ReferenceResponse, ReferenceResponse> change) =>
        inner => (method, path, query) => where(path, query) ? change(inner(method, path, query)) : inner(method, path, query);

    /// <summary>Every record in successful answers to matching paths: a page's contents, a list's items, or the one record.</summary>
    public static Func<Handler, Handler> Records(Func<string, bool> where, Action<JsonObject> change) =>
        Answers(where, answer =>
        {
            if (answer.Status != 200 || answer.Body is null) return answer;
            var body = answer.Body.DeepClone();
            var records = body switch
            {
                JsonObject page when page["contents"] is JsonArray contents => contents.OfType<JsonObject>(),
                JsonObject page when page["data"] is JsonArray data && page["meta"] is JsonObject => data.OfType<JsonObject>(), // APDS lists
                JsonArray list => list.OfType<JsonObject>(),
                JsonObject record => [record],
                _ => [],
            };
            foreach (var record in records) change(record);
            return answer with { Body = body };
        });

    /// <summary>The answer's body as text, edited: for defects in the bytes rather than the data.</summary>
    public static ReferenceResponse Text(ReferenceResponse answer, Func<string, string> edit) =>
        answer.Render() is { } text ? answer with { Text = edit(text) } : answer;

    /// <summary>The query parameter is dropped before the implementation sees it: a filter that is ignored.</summary>
    public static Func<Handler, Handler> Ignoring(string parameter) =>
        inner => (method, path, query) => inner(method, path, query.Where(q => q.Key != parameter).ToDictionary());

    /// <summary>
    /// Requests to matching paths are redirected, within the origin, to the same path and query under a prefix,
    /// where the implementation answers as before: an API that moved.
    /// </summary>
    public static Func<Handler, Handler> Moved(Func<string, bool> where, int status, string prefix) =>
        inner => (method, path, query) =>
            path.StartsWith(prefix + "/", StringComparison.Ordinal) ? inner(method, path[prefix.Length..], query)
            : where(path) ? new ReferenceResponse(status, null)
            {
                Headers = new Dictionary<string, string?>
                {
                    ["Location"] = prefix + path + (query.Count == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"))),
                },
            }
            : inner(method, path, query);

    public static bool Everywhere(string path) => true;

    /// <summary>
    /// An id given another value throughout: answers say <paramref name="to"/> wherever they said <paramref name="from"/>,
    /// and a request naming <paramref name="to"/> where that id belongs (the segment after <paramref name="under"/>, or a
    /// query parameter among <paramref name="parameters"/>, comma lists included) reaches the implementation as <paramref name="from"/>.
    /// </summary>
    public static Func<Handler, Handler> Renamed(string from, string to, string under, params string[] parameters) =>
        inner => (method, path, query) =>
        {
            var asked = Regex.Replace(path,
                $"^{Regex.Escape($"{under}/{to}")}(?=$|\\.)", $"{under}/{from}");
            var values = query.ToDictionary(q => q.Key, q => parameters.Contains(q.Key)
                ? string.Join(",", q.Value.Split(',').Select(v => v == to ? from : v)) : q.Value);
            var answer = inner(method, asked, values);
            return answer.Body is null ? answer : answer with { Body = Replaced(answer.Body, from, to) };
        };

    private static JsonNode Replaced(JsonNode node, string from, string to) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Replaced(p.Value, from, to)))),
        JsonArray a => new JsonArray(a.Select(n => n is null ? null : Replaced(n, from, to)).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == from => JsonValue.Create(to),
        _ => node.DeepClone(),
    };
}
