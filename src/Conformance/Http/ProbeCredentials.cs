namespace Conformance.Http;

/// <summary>What authenticates a request: headers, and at most one query parameter (an API key in the URL).</summary>
public sealed record ProbeCredentials(IReadOnlyList<KeyValuePair<string, string>> Headers, KeyValuePair<string, string>? Query)
{
    public static ProbeCredentials None { get; } = new([], null);

    public bool Any => Headers.Count > 0 || Query is not null;

    /// <summary>Every secret value, so evidence can mask it wherever it appears.</summary>
    public IEnumerable<string> Secrets => Headers.Select(h => h.Value).Concat(Query is { } q ? [q.Value] : []);
}
