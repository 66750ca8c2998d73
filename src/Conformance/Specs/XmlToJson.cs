using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Conformance.Specs;

/// <summary>
/// Reads an XML response as the JSON its standard defines beside it (Open311: "JSON mirrors the XML"), so one
/// schema judges both formats. The response schema says what each element is: the root element stands for
/// the whole body, an array's children are its items whatever their names, numbers and booleans are read
/// from text. An empty element means no value and is left out, as XML has no null. Where the schema says
/// nothing, repeated children make an array and leaves stay text.
/// </summary>
public static partial class XmlToJson
{
    public static JsonNode? Convert(XElement element, JsonNode? schema, JsonNode specRoot) =>
        Read(element, Resolve(schema, specRoot), specRoot);

    private static JsonNode? Read(XElement element, JsonObject? schema, JsonNode specRoot)
    {
        var type = TypeOf(schema);
        if (type == "array")
        {
            var items = Resolve(schema!["items"], specRoot);
            return new JsonArray(element.Elements().Select(e => Read(e, items, specRoot)).Where(n => n is not null).ToArray());
        }
        if (type == "object" || (type is null && element.HasElements))
            return ReadObject(element, schema, specRoot);
        if (element.HasElements) return ReadObject(element, null, specRoot); // text expected, structure found: let the schema say so
        var text = element.Value;
        if (text.Length == 0) return null;
        return type switch
        {
            "integer" or "number" when Number().IsMatch(text) => JsonNode.Parse(text),
            "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonNode ReadObject(XElement element, JsonObject? schema, JsonNode specRoot)
    {
        var properties = schema?["properties"] as JsonObject;
        var result = new JsonObject();
        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var propertySchema = Resolve(properties?[group.Key], specRoot);
            var values = group.Select(e => Read(e, propertySchema, specRoot)).Where(n => n is not null).ToList();
            if (group.Count() > 1 && TypeOf(propertySchema) != "array")
                result[group.Key] = new JsonArray(values.ToArray()); // repeated where one is expected: the schema will say so
            else if (values.Count == 1)
                result[group.Key] = values[0];
        }
        return result;
    }

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var t) => t,
        _ when schema?["properties"] is not null => "object",
        _ when schema?["items"] is not null => "array",
        _ => null,
    };

    /// <summary>Follows local $refs ("#/definitions/Request"); anything else is treated as no schema.</summary>
    private static JsonObject? Resolve(JsonNode? schema, JsonNode specRoot)
    {
        for (var hops = 0; hops < 32 && schema is JsonObject o && o["$ref"]?.ToString() is { } reference; hops++)
            schema = reference.StartsWith("#/") ? JsonPointers.Resolve(specRoot, Uri.UnescapeDataString(reference[1..])) : null;
        return schema as JsonObject;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
