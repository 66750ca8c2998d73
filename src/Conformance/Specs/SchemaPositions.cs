using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>What a place in a spec's tree holds, so only real schemas are read as schemas.</summary>
public enum SchemaPosition
{
    /// <summary>OpenAPI structure: paths, operations, responses, components.</summary>
    OpenApi,
    Schema,
    /// <summary>A map of names to schemas (properties, $defs, components/schemas...).</summary>
    SchemaMap,
    /// <summary>A list of schemas (allOf, prefixItems...).</summary>
    SchemaList,
    /// <summary>Values: enum, const, examples, defaults. Nothing in them declares anything.</summary>
    Data,
}

public static class SchemaPositions
{
    private static readonly HashSet<string> OneSchema =
        ["additionalItems", "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames",
         "not", "if", "then", "else", "contentSchema", "items"];
    private static readonly HashSet<string> SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    /// <summary>What the child at <paramref name="key"/> of a node at <paramref name="position"/> holds.</summary>
    public static SchemaPosition Step(SchemaPosition position, string key, JsonNode? child) => position switch
    {
        SchemaPosition.OpenApi when key == "schema" => SchemaPosition.Schema,
        SchemaPosition.OpenApi when key is "schemas" or "definitions" => SchemaPosition.SchemaMap,
        SchemaPosition.OpenApi when key is "example" or "examples" || key.StartsWith("x-", StringComparison.Ordinal) => SchemaPosition.Data,
        SchemaPosition.OpenApi => SchemaPosition.OpenApi,
        SchemaPosition.Schema when SchemaLists.Contains(key) && child is JsonArray => SchemaPosition.SchemaList,
        SchemaPosition.Schema when OneSchema.Contains(key) => SchemaPosition.Schema,
        SchemaPosition.Schema when SchemaMaps.Contains(key) => SchemaPosition.SchemaMap,
        SchemaPosition.SchemaMap or SchemaPosition.SchemaList => SchemaPosition.Schema,
        _ => SchemaPosition.Data,
    };

    /// <summary>
    /// The base URI and `$schema` in effect at a schema, after the `$id` and `$schema` it declares itself. In drafts
    /// 4 to 7 an `$id` beside `$ref` is ignored, and one that is only a fragment ("#name") is an anchor, not a resource.
    /// </summary>
    public static (Uri BaseUri, string? Dialect, bool NewResource) Declared(JsonObject schema, Uri baseUri, string? dialect)
    {
        if (schema["$schema"] is JsonValue s && s.TryGetValue<string>(out var declared)) dialect = declared;
        var legacy = dialect is not null && (dialect.Contains("draft-07") || dialect.Contains("draft-06") || dialect.Contains("draft-04"));
        if (schema["$id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && !id.StartsWith('#')
            && !(legacy && schema.ContainsKey("$ref")) && Uri.TryCreate(baseUri, id, out var resolved))
            return (new Uri(resolved.GetLeftPart(UriPartial.Query)), dialect, true);
        return (baseUri, dialect, false);
    }
}
