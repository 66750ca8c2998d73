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

    /// <summary>
    /// Refuses, before any request, what could only go wrong on the wire: a header or credential holding a control
    /// character (CR or LF would split the request and inject a header; NUL ends it). The value is never echoed.
    /// </summary>
    public void Validate()
    {
        foreach (var (name, value) in Headers.Concat(Credentials.Headers))
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "-_.!#$%&'*+^`|~".Contains(c)))
                throw new ConfigurationException($"A header name must be letters, digits and -_.!#$%&'*+^`|~ only; '{Printable(name)}' is refused.");
            if (HasControl(value))
                throw new ConfigurationException($"The value of header '{name}' holds a control character (CR, LF or NUL): it is refused before any request, and not shown.");
        }
        if (Credentials.Query is { } key && (HasControl(key.Key) || HasControl(key.Value)))
            throw new ConfigurationException($"The API key for query parameter '{Printable(key.Key)}' holds a control character: it is refused before any request, and not shown.");
        if (Credentials.OAuth2 is { } oauth && (HasControl(oauth.ClientId) || HasControl(oauth.ClientSecret)))
            throw new ConfigurationException("The OAuth2 client id or secret holds a control character: it is refused before any request, and not shown.");
    }

    /// <summary>Control characters may not be sent in a header; a tab may (RFC 9110 §5.5).</summary>
    public static bool HasControl(string value) => value.Any(c => (c < ' ' && c != '\t') || c == '\u007f');

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).Take(40).ToArray());
}
