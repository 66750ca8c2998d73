using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>
/// Rewrites OpenAPI 2.0/3.0 schema keywords into their JSON Schema 2020-12 meaning, so one validator
/// judges every spec version: `nullable: true` adds "null" to the type, boolean `exclusiveMinimum`
/// / `exclusiveMaximum` become numbers, a list under `items` is a tuple (`prefixItems`). Booleans are required so a property *named* "nullable" is left alone.
/// </summary>
public static class SchemaDialect
{
    public static void NormaliseToJsonSchema(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                NormaliseObject(obj);
                foreach (var (_, child) in obj.ToList()) NormaliseToJsonSchema(child);
                break;
            case JsonArray array:
                foreach (var child in array) NormaliseToJsonSchema(child);
                break;
        }
    }

    private static void NormaliseObject(JsonObject obj)
    {
        // `$id: "#name"` is the older drafts' plain-name fragment: 2020-12 says `$anchor: name` (and refuses the former).
        if (obj["$id"] is JsonValue id && id.TryGetValue<string>(out var named) && named.Length > 1 && named[0] == '#' && obj["$anchor"] is null
            && System.Text.RegularExpressions.Regex.IsMatch(named[1..], "^[A-Za-z_][A-Za-z0-9._-]*$"))
        {
            obj.Remove("$id");
            obj["$anchor"] = named[1..];
        }
        // `items` as a list is the older drafts' tuple (what OpenAPI 2.0/3.0 writers mean by it): 2020-12 says prefixItems,
        // and what followed the tuple (additionalItems) is its items.
        if (obj["items"] is JsonArray tuple && obj["type"]?.ToString() is "array" or null)
        {
            obj.Remove("items");
            obj["prefixItems"] = tuple;
            if (obj["additionalItems"] is { } rest)
            {
                obj.Remove("additionalItems");
                obj["items"] = rest;
            }
        }
        if (IsTrue(obj, "nullable") || IsTrue(obj, "x-nullable"))
        {
            obj.Remove("nullable");
            obj.Remove("x-nullable");
            var typed = obj["type"] is JsonValue t && t.TryGetValue<string>(out _);
            if (typed) obj["type"] = new JsonArray(obj["type"]!.GetValue<string>(), "null");
            if (obj["enum"] is JsonArray e && !e.Any(x => x is null)) e.Add(null);
            if (!typed && obj["enum"] is null && obj.Count > 0)
            {
                // nullable beside allOf/$ref (no type of its own): the schema, or null.
                var inner = new JsonObject();
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    inner[key] = value;
                }
                obj["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
            }
        }
        else if (obj["nullable"] is JsonValue n && n.TryGetValue<bool>(out _)) obj.Remove("nullable");
        BooleanBound(obj, "exclusiveMinimum", "minimum");
        BooleanBound(obj, "exclusiveMaximum", "maximum");
    }

    private static void BooleanBound(JsonObject obj, string exclusive, string inclusive)
    {
        if (obj[exclusive] is not JsonValue v || !v.TryGetValue<bool>(out var flag)) return;
        obj.Remove(exclusive);
        if (flag && obj[inclusive] is JsonNode bound)
        {
            obj[exclusive] = bound.DeepClone();
            obj.Remove(inclusive);
        }
    }

    /// <summary>
    /// For the OpenAPI 3.0 reader only: a 3.1-style numeric exclusiveMinimum in a 3.0 document throws in
    /// Microsoft.OpenApi, so it is rewritten to the 3.0 form. Returns the pointers it changed.
    /// </summary>
    public static List<string> NumericBoundsToOpenApi30(JsonNode? node, string pointer = "")
    {
        var changed = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (exclusive, inclusive) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
                {
                    if (obj[exclusive] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && obj[inclusive] is null)
                    {
                        obj[inclusive] = v.DeepClone();
                        obj[exclusive] = true;
                        changed.Add($"{pointer}/{exclusive}");
                    }
                }
                foreach (var (key, child) in obj.ToList())
                    changed.AddRange(NumericBoundsToOpenApi30(child, $"{pointer}/{JsonPointers.Escape(key)}"));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) changed.AddRange(NumericBoundsToOpenApi30(array[i], $"{pointer}/{i}"));
                break;
        }
        return changed;
    }

    private static bool IsTrue(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
