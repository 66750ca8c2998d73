using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>List endpoints return "one-to-one fields": a record without its arrays, nested objects likewise.</summary>
public static class Projection
{
    public static JsonObject OneToOne(JsonObject record)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in record)
        {
            switch (value)
            {
                case JsonArray: continue;
                case JsonObject nested: copy[name] = OneToOne(nested); break;
                default: copy[name] = value?.DeepClone(); break;
            }
        }
        return copy;
    }
}
