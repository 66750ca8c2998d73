namespace Conformance.Http;

/// <summary>
/// What authenticates a request: headers, at most one query parameter (an API key in the URL), or an OAuth2
/// client whose bearer token is fetched and refreshed as the run goes.
/// </summary>
public sealed record ProbeCredentials(IReadOnlyList<KeyValuePair<string, string>> Headers, KeyValuePair<string, string>? Query,
    OAuth2ClientCredentials? OAuth2 = null)
{
    public static ProbeCredentials None { get; } = new([], null);

    public bool Any => Headers.Count > 0 || Query is not null || OAuth2 is not null;

    /// <summary>Every secret value, so evidence can mask it wherever it appears (tokens as they are issued).</summary>
    public IEnumerable<string> Secrets => Headers.Select(h => h.Value).Concat(Query is { } q ? [q.Value] : [])
        .Concat(OAuth2 is { } o ? [o.ClientSecret, .. o.Issued] : []);
}
