using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conformance.Specs;

/// <summary>
/// Turns a YAML (or JSON, which is YAML) text into a JsonNode, typing plain scalars the way YAML 1.2's
/// core schema does, so that one JSON tree serves errata, the OpenAPI reader and the schema validator.
/// </summary>
public static class YamlToJson
{
    public static JsonNode? Convert(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : ToNode(stream.Documents[0].RootNode, 0);
    }

    // Aliases come back as shared nodes, so a self-referencing anchor would recurse forever: cap the depth.
    private const int MaxDepth = 256;

    private static JsonNode? ToNode(YamlNode node, int depth) => depth > MaxDepth
        ? throw new SpecLoadException($"The document nests deeper than {MaxDepth} levels (a recursive YAML anchor?).")
        : node switch
    {
        YamlMappingNode map => ToObject(map, depth),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => ToNode(c, depth + 1)).ToArray()),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => null,
    };

    private static JsonObject ToObject(YamlMappingNode map, int depth)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            obj[name] = ToNode(value, depth + 1); // (YamlDotNet refuses a repeated key before we get here)
        }
        return obj;
    }

    private static JsonNode? ToScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(value);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (LooksNumeric(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    private static bool LooksNumeric(string value) =>
        value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') && !value.Contains(':');
}
