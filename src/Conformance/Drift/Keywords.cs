using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Drift;

/// <summary>
/// The value keywords of one schema object, read into a shape of their own (the reader merges it with what `$ref`
/// and `allOf` say). OpenAPI 3.0's boolean `exclusiveMinimum` and 3.1's numeric one give the same bound; `const` is
/// an enum of one value.
/// </summary>
internal static class Keywords
{
    public static Shape Of(JsonObject schema, string pointer)
    {
        var shape = new Shape { Origin = pointer };
        switch (schema["type"])
        {
            case JsonValue one when one.TryGetValue<string>(out var name):
                shape.Types = JsonTypeSets.Normal(JsonTypeSets.Parse(name));
                break;
            case JsonArray many when many.Count > 0:
                shape.Types = JsonTypeSets.Normal(many.Select(t => t is JsonValue v && v.TryGetValue<string>(out var n) ? JsonTypeSets.Parse(n) : JsonTypes.Any)
                    .Aggregate(JsonTypes.None, (all, t) => all | t));
                break;
        }
        if (Text(schema["format"]) is { Length: > 0 } format) shape.Format = format;
        if (schema["enum"] is JsonArray values) shape.Enum = values.Select(v => v?.DeepClone()).ToList();
        if (schema.TryGetPropertyValue("const", out var constant)) shape.Enum = [constant?.DeepClone()];
        if (schema["required"] is JsonArray required)
            foreach (var name in required.Select(Text).OfType<string>()) shape.Required.Add(name);
        shape.Minimum = Number(schema["minimum"]);
        shape.Maximum = Number(schema["maximum"]);
        shape.ExclusiveMinimum = Exclusive(schema, "exclusiveMinimum", shape.Minimum);
        if (shape.ExclusiveMinimum is not null && IsTrue(schema["exclusiveMinimum"])) shape.Minimum = null;
        shape.ExclusiveMaximum = Exclusive(schema, "exclusiveMaximum", shape.Maximum);
        if (shape.ExclusiveMaximum is not null && IsTrue(schema["exclusiveMaximum"])) shape.Maximum = null;
        shape.MinLength = Whole(schema["minLength"]) is > 0 and var minLength ? minLength : null; // 0 is no bound
        shape.MaxLength = Whole(schema["maxLength"]);
        shape.MinItems = Whole(schema["minItems"]) is > 0 and var minItems ? minItems : null;
        shape.MaxItems = Whole(schema["maxItems"]);
        shape.Pattern = Text(schema["pattern"]);
        shape.ReadOnly = IsTrue(schema["readOnly"]);
        shape.WriteOnly = IsTrue(schema["writeOnly"]);
        var documentation = new JsonObject();
        foreach (var key in new[] { "title", "description", "example", "examples" })
            if (schema[key] is { } value) documentation[key] = value.DeepClone();
        if (documentation.Count > 0) shape.Documentation = documentation.ToJsonString();
        return shape;
    }

    /// <summary>3.1: a number. 3.0: true with the inclusive bound beside it.</summary>
    private static double? Exclusive(JsonObject schema, string keyword, double? inclusive) => schema[keyword] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => inclusive,
        _ => null,
    };

    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    private static long? Whole(JsonNode? node) => Number(node) is { } n && n >= 0 && n == Math.Floor(n) && n < long.MaxValue ? (long)n : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
