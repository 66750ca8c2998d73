using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>
/// What a reference implementation answers, before it is written to the wire: a JSON body, or text already
/// written in another format (<see cref="Text"/> with its <see cref="ContentType"/>).
/// </summary>
public sealed record ReferenceResponse(int Status, JsonNode? Body, string? ContentType = null, string? Text = null)
{
    public static ReferenceResponse Ok(JsonNode body) => new(200, body);

    public static ReferenceResponse Error(int status, string message) =>
        new(status, new JsonObject { ["code"] = status, ["message"] = message });
}
