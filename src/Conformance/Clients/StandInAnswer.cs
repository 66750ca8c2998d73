using System.Text.Json.Nodes;

namespace Conformance.Clients;

/// <summary>
/// What the stand-in answers a request: status, headers and body as they go on the wire, and the answer as data
/// (<see cref="Data"/>, the JSON it was written from) so a scenario can read what the answer created.
/// </summary>
public sealed record StandInAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, JsonNode? Data = null)
{
    public string? ContentType => Headers.Where(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>A short answer in plain text (a refusal of the stand-in's own: a body too large, a session over).</summary>
    public static StandInAnswer Text(int status, string text, params KeyValuePair<string, string>[] headers) =>
        new(status, [new("Content-Type", "text/plain; charset=utf-8"), .. headers], System.Text.Encoding.UTF8.GetBytes(text));
}
