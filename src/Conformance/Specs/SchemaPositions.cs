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
    // The keywords whose value is a schema, a list of schemas or a map of them, as the validator reads each dialect:
    // a keyword the dialect does not know is data to it, so nothing under it is a schema (or declares an $id).
    private static readonly HashSet<string> OneSchema =
        ["additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames", "not", "if", "then", "else",
         "contentSchema", "items"];
    private static readonly HashSet<string> OneSchemaLegacy = ["additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else", "items"];
    private static readonly HashSet<string> SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
    private static readonly HashSet<string> SchemaListsLegacy = ["allOf", "anyOf", "oneOf", "items"];
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];
    private static readonly HashSet<string> SchemaMapsLegacy = ["properties", "patternProperties", "definitions", "dependencies"];

    /// <summary>Drafts 4 to 7: definitions, dependencies, items as a list, and $ref beside which every keyword is ignored.</summary>
    public static bool IsLegacy(string? dialect) =>
        dialect is not null && (dialect.Contains("draft-07") || dialect.Contains("draft-06") || dialect.Contains("draft-04"));

    /// <summary>What the child at <paramref name="key"/> of a node at <paramref name="position"/> holds.</summary>
    public static SchemaPosition Step(SchemaPosition position, string key, JsonNode? child, string? dialect = null)
    {
        var legacy = IsLegacy(dialect);
        return position switch
        {
            SchemaPosition.OpenApi when key == "schema" => SchemaPosition.Schema,
            SchemaPosition.OpenApi when key is "schemas" or "definitions" => SchemaPosition.SchemaMap,
            SchemaPosition.OpenApi when key is "example" or "examples" || key.StartsWith("x-", StringComparison.Ordinal) => SchemaPosition.Data,
            SchemaPosition.OpenApi => SchemaPosition.OpenApi,
            SchemaPosition.Schema when (legacy ? SchemaListsLegacy : SchemaLists).Contains(key) && child is JsonArray => SchemaPosition.SchemaList,
            SchemaPosition.Schema when (legacy ? OneSchemaLegacy : OneSchema).Contains(key) && child is JsonObject or JsonValue => SchemaPosition.Schema,
            SchemaPosition.Schema when (legacy ? SchemaMapsLegacy : SchemaMaps).Contains(key) => SchemaPosition.SchemaMap,
            SchemaPosition.SchemaMap or SchemaPosition.SchemaList => SchemaPosition.Schema,
            _ => SchemaPosition.Data,
        };
    }

    /// <summary>
    /// The base URI and `$schema` in effect at a schema, after the `$id` and `$schema` it declares itself. In drafts
    /// 4 to 7 an `$id` beside `$ref` is ignored, and one that is only a fragment ("#name") is an anchor, not a resource.
    /// </summary>
    public static (Uri BaseUri, string? Dialect, bool NewResource) Declared(JsonObject schema, Uri baseUri, string? dialect)
    {
        if (schema["$schema"] is JsonValue s && s.TryGetValue<string>(out var declared)) dialect = declared;
        var legacy = IsLegacy(dialect);
        if (schema["$id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && !id.StartsWith('#')
            && !(legacy && schema.ContainsKey("$ref")) && Uri.TryCreate(baseUri, id, out var resolved))
            return (new Uri(resolved.GetLeftPart(UriPartial.Query)), dialect, true);
        return (baseUri, dialect, false);
    }
}
