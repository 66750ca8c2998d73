using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>What a reference implementation answers, before it is written to the wire.</summary>
public sealed record ReferenceResponse(int Status, JsonNode? Body)
{
    public static ReferenceResponse Ok(JsonNode body) => new(200, body);

    public static ReferenceResponse Error(int status, string message) =>
        new(status, new JsonObject { ["code"] = status, ["message"] = message });
}
