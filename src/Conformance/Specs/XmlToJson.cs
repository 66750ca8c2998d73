using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Conformance.Specs;

/// <summary>
/// Reads an XML response as the JSON its standard defines beside it (Open311: "JSON mirrors the XML"), so one
/// schema judges both formats. The response schema says what each element is: the root element stands for
/// the whole body, an array's children are its items whatever their names, numbers and booleans are read
/// from text as XML Schema writes them (whitespace trimmed, "1"/"0" booleans, "+1.50" numbers, URIs with their
/// whitespace collapsed). An empty element gives no value (left out: XML has no null), so an empty required
/// field is missing; only an optional string that cannot be null is read as the empty string. Text where a list
/// or object belongs stays text, so the schema says so. Where the schema says nothing, repeated children make an
/// array and leaves stay text.
/// </summary>
public static partial class XmlToJson
{
    public static JsonNode? Convert(XElement element, JsonNode? schema, JsonNode specRoot) =>
        Read(element, Resolve(schema, specRoot), specRoot, required: false);

    private static JsonNode? Read(XElement element, JsonObject? schema, JsonNode specRoot, bool required)
    {
        var type = TypeOf(schema);
        if (type is "array" or "object" && !element.HasElements && element.Value.Trim().Length > 0)
            return JsonValue.Create(element.Value); // text where structure belongs: the schema will say so
        if (type == "array")
        {
            var items = Resolve(schema!["items"], specRoot);
            return new JsonArray(element.Elements().Select(e => Read(e, items, specRoot, required: false)).Where(n => n is not null).ToArray());
        }
        if (type == "object" || (type is null && element.HasElements))
            return ReadObject(element, schema, specRoot);
        if (element.HasElements) return ReadObject(element, null, specRoot); // text expected, structure found: let the schema say so
        var text = type == "string" && UriFormats.Contains(schema?["format"]?.ToString()) ? Collapse(element.Value) : element.Value;
        if (text.Length == 0) return type == "string" && !Nullable(schema) && !required ? JsonValue.Create("") : null;
        var trimmed = text.Trim();
        return type switch
        {
            "integer" or "number" when Number().IsMatch(trimmed) => JsonNode.Parse(Canonical(trimmed)),
            "boolean" when trimmed is "true" or "1" => JsonValue.Create(true),
            "boolean" when trimmed is "false" or "0" => JsonValue.Create(false),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>
    /// Formats read as XML Schema's anyURI, whose whitespace is collapsed (XML Schema Part 2 §3.2.17): the
    /// GeoReport text's own example ends a media_url with a space.
    /// </summary>
    private static readonly HashSet<string?> UriFormats = ["uri", "uri-reference", "iri", "iri-reference"];

    /// <summary>XML Schema's whiteSpace="collapse": XML whitespace runs become one space, none at either end.</summary>
    private static string Collapse(string text) => XmlWhitespace().Replace(text, " ").Trim(' ');

    /// <summary>An XML Schema decimal ("+01.50", ".5") as JSON writes it ("1.50", "0.5").</summary>
    private static string Canonical(string number)
    {
        var sign = number.StartsWith('-') ? "-" : "";
        var digits = number.TrimStart('+', '-');
        var (whole, rest) = digits.IndexOfAny(['.', 'e', 'E']) is var cut and >= 0 ? (digits[..cut], digits[cut..]) : (digits, "");
        whole = whole.TrimStart('0');
        if (whole.Length == 0) whole = "0";
        if (rest.StartsWith('.') && rest.Length > 1 && !char.IsAsciiDigit(rest[1])) rest = rest.Insert(1, "0"); // "5." is not JSON
        if (rest == ".") rest = "";
        return sign + whole + rest;
    }

    /// <summary>Whether a schema admits null: OpenAPI's nullable/x-nullable, or "null" among its types.</summary>
    private static bool Nullable(JsonObject? schema) =>
        schema is not null && (Flag(schema, "x-nullable") || Flag(schema, "nullable")
                               || (schema["type"] is JsonArray types && types.Any(t => t?.ToString() == "null")));

    private static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static JsonNode ReadObject(XElement element, JsonObject? schema, JsonNode specRoot)
    {
        var properties = schema?["properties"] as JsonObject;
        var required = (schema?["required"] as JsonArray ?? []).Select(n => n?.ToString()).ToHashSet();
        var result = new JsonObject();
        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var propertySchema = Resolve(properties?[group.Key], specRoot);
            var values = group.Select(e => Read(e, propertySchema, specRoot, required.Contains(group.Key))).Where(n => n is not null).ToList();
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

    [GeneratedRegex("[ \t\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex XmlWhitespace();

    // XML Schema's decimal and double lexical forms: optional sign, leading zeros, ".5" and "5." allowed.
    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
