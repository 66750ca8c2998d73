using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>What an XML response to an operation should hold: the schema documented for its status.</summary>
public sealed record XmlShape(JsonNode SpecRoot, SpecOperation Operation)
{
    public JsonNode? SchemaFor(int? status)
    {
        var pointer = status is { } s
            ? Operation.ResponseFor(s)?.Content.Select(c => c.SchemaPointer).FirstOrDefault(p => p is not null)
            : null;
        return pointer is null ? null : JsonPointers.Resolve(SpecRoot, pointer);
    }
}
