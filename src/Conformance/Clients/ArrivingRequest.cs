namespace Conformance.Clients;

/// <summary>
/// A request as the stand-in received it from the client under test: everything in it is the client's, outside text.
/// The body is the first bytes only where it went past the stand-in's cap (<see cref="BodyCutAt"/>).
/// </summary>
/// <param name="Path">The path as the server decoded it (a %2F stays encoded).</param>
/// <param name="Url">The URL as received, for evidence.</param>
/// <param name="RawQuery">The query as sent, without its '?'.</param>
public sealed record ArrivingRequest(
    string Method,
    string Path,
    string Url,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    long? BodyCutAt = null)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
