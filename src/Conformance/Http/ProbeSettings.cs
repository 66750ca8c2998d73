namespace Conformance.Http;

/// <summary>How the harness talks to a vendor: timeout and the user's extra headers (e.g. an API key).</summary>
public sealed record ProbeSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>Credentials from a vendor profile; their values never reach a report.</summary>
    public ProbeCredentials Credentials { get; init; } = ProbeCredentials.None;
    /// <summary>At most this many requests a second (null: as fast as the server answers).</summary>
    public double? RequestsPerSecond { get; init; }
    /// <summary>429 or 503 with Retry-After: how many times to wait and ask again, and the longest wait honoured.</summary>
    public int MaxRetries { get; init; } = 2;
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Sent on every request, as a browser would, so CORS headers can be judged; null sends none (a server
    /// with an origin allow-list may refuse an unknown origin, which only matters where CORS is a rule).
    /// </summary>
    public string? Origin { get; init; } = "https://conformance.invalid";
}
