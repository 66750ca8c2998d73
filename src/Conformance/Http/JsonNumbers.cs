using System.Text.Json.Nodes;
using System.Text.Json;

namespace Conformance.Http;

/// <summary>Reading counts from JSON as JSON Schema does: 3 and 3.0 are both the whole number 3.</summary>
public static class JsonNumbers
{
    public static long? WholeNumber(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        if (value.TryGetValue<long>(out var whole)) return whole;
        return value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e15 ? (long)real : null;
    }
}
