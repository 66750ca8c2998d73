using System.Text.Json.Nodes;
using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>
/// A reference implementation that publishes its own OpenAPI document beside the API (at /openapi.json) and names it in
/// its / document's openapi_url, as a supplier does: the standard's transcription, changed. Check spec-drift compares it.
/// </summary>
public static class SupplierDocuments
{
    public const string Path = "/openapi.json";

    /// <summary>The implementation served at <c>at</c>, naming and serving the standard's document as <paramref name="change"/> leaves it.</summary>
    public static Func<Uri, Func<Handler, Handler>> Served(string standard, Action<JsonObject> change) => at =>
    {
        var document = new Lazy<JsonNode>(() =>
        {
            var profile = ConformanceRun.DefaultCatalogue().Load(standard);
            var copy = (JsonObject)JsonNode.Parse(File.ReadAllText(profile.TranscriptionPath))!;
            change(copy);
            return copy;
        });
        return inner => (method, path, query) =>
        {
            if (path == Path) return ReferenceResponse.Ok(document.Value.DeepClone());
            var answer = inner(method, path, query);
            if (path != "/" || answer.Body is not JsonObject root) return answer;
            var named = (JsonObject)root.DeepClone();
            named["openapi_url"] = new Uri(at, Path).AbsoluteUri;
            return answer with { Body = named };
        };
    };

    /// <summary>A service's name made optional and its status allowed to be "retired": two changes that break clients of ORUK 3.0.</summary>
    public static void Drifted(JsonObject document)
    {
        var service = document["components"]!["schemas"]!["service"]!;
        var required = (JsonArray)service["required"]!;
        required.Remove(required.First(n => n!.GetValue<string>() == "name"));
        ((JsonArray)service["properties"]!["status"]!["enum"]!).Add("retired");
    }

    /// <summary>
    /// The same document said another way: OpenAPI 3.1 with every type written as a list, every schema `$ref` wrapped in an
    /// `allOf`, path parameters renamed and the prose reworded. Drift must find nothing but documentation.
    /// </summary>
    public static void Rewritten(JsonObject document)
    {
        document["openapi"] = "3.1.0";
        document["info"]!["title"] = "Harbourside Directory API (our own copy of Open Referral UK 3.0)";
        var paths = (JsonObject)document["paths"]!;
        foreach (var (path, item) in paths.ToList())
        {
            if (!path.EndsWith("/{id}", StringComparison.Ordinal)) continue;
            var name = path.Trim('/').Split('/')[0].TrimEnd('s') + "Id";
            foreach (var parameter in (item!["parameters"] as JsonArray ?? []).OfType<JsonObject>())
                if (parameter["name"]?.GetValue<string>() == "id") parameter["name"] = name;
            paths.Remove(path);
            paths[path.Replace("{id}", $"{{{name}}}")] = item;
        }
        Reword(document);
    }

    private static void Reword(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (key == "type" && child is JsonValue type && type.TryGetValue<string>(out var single)) obj[key] = new JsonArray(single);
                    else if (key == "$ref" && child is JsonValue reference && reference.GetValue<string>().StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        obj.Remove(key);
                        obj["allOf"] = new JsonArray(new JsonObject { ["$ref"] = reference.GetValue<string>() });
                    }
                    else if (key is "summary" or "description" && child is JsonValue text && text.TryGetValue<string>(out var words)) obj[key] = $"{words} (Harbourside)";
                    else Reword(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array) Reword(child);
                break;
        }
    }
}
