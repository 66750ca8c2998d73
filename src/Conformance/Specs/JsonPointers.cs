using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>JSON Pointer (RFC 6901) over JsonNode trees: what a pointer names, or the container that holds it.</summary>
public static class JsonPointers
{
    public static IReadOnlyList<string> Tokens(string pointer) =>
        pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();

    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The node a pointer names, or null when nothing is there.</summary>
    public static JsonNode? Resolve(JsonNode root, string pointer) =>
        Tokens(pointer).Aggregate((JsonNode?)root, Step);

    /// <summary>The container holding the pointer's last token, and that token; null when the path breaks.</summary>
    public static (JsonNode? Parent, string Key) ParentOf(JsonNode root, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0) return (null, "");
        return (tokens.Take(tokens.Count - 1).Aggregate((JsonNode?)root, Step), tokens[^1]);
    }

    public static JsonNode? Step(JsonNode? node, string token) => node switch
    {
        JsonObject o => o.TryGetPropertyValue(token, out var v) ? v : null,
        JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
        _ => null,
    };
}
