using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>
/// What a reference implementation answers, before it is written to the wire: a JSON body (written as XML
/// when <see cref="XmlRoot"/> is set), or text already written (<see cref="Text"/>). Defects change it here,
/// on the data, so one change reaches both formats.
/// </summary>
public sealed record ReferenceResponse(int Status, JsonNode? Body, string? ContentType = null, string? Text = null)
{
    /// <summary>Headers to set; a null value removes one the server sends by default (Access-Control-Allow-Origin).</summary>
    public IReadOnlyDictionary<string, string?> Headers { get; init; } = new Dictionary<string, string?>();
    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; init; }
    /// <summary>Send the body gzip-compressed, with Content-Encoding: gzip.</summary>
    public bool Gzip { get; init; }
    /// <summary>Write <see cref="Body"/> as Open311's XML under this root element instead of as JSON.</summary>
    public string? XmlRoot { get; init; }

    // Non-ASCII text and apostrophes are sent as themselves, as most real servers do.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as it goes on the wire, or null for none.</summary>
    public string? Render() => Text ?? (XmlRoot is { } root ? SparkXml.Write(root, Body) : Body?.ToJsonString(Relaxed));

    public static ReferenceResponse Ok(JsonNode body) => new(200, body);

    public static ReferenceResponse Error(int status, string message) =>
        new(status, new JsonObject { ["code"] = status, ["message"] = message });
}
