using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using System.Xml;

namespace Conformance.Reference;

/// <summary>
/// Writes JSON as the XML Open311 pairs with it: the document is wrapped in a named root, each array's items
/// in elements named for the array (services → service), null as an empty element. UTF-8 with a declaration.
/// </summary>
public static class SparkXml
{
    private static readonly Dictionary<string, string> ItemNames = new()
    {
        ["services"] = "service", ["service_requests"] = "request", ["attributes"] = "attribute", ["values"] = "value",
        ["endpoints"] = "endpoint", ["formats"] = "format", ["errors"] = "error",
    };

    public static string Write(string rootName, JsonNode? body)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            Element(writer, rootName, body);
            writer.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Element(XmlWriter writer, string name, JsonNode? node)
    {
        writer.WriteStartElement(name);
        switch (node)
        {
            case JsonArray array:
                var item = ItemNames.GetValueOrDefault(name, "item");
                foreach (var child in array) Element(writer, item, child);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj) Element(writer, key, value);
                break;
            case JsonValue value:
                writer.WriteString(value.GetValueKind() switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => value.ToJsonString(), // the number as JSON writes it: invariant, exact
                    _ => value.ToString(),
                });
                break;
        }
        writer.WriteEndElement();
    }
}
