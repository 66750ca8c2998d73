using System.Text.Json.Nodes;
using RestSharp.Authenticators;
using RestSharp;

namespace Conformance.Http;

/// <summary>
/// OAuth2 client credentials (RFC 6749 §4.4): a token from the token endpoint, sent as a bearer token and
/// fetched again before it expires. The client secret and every token issued are secrets: reports mask them.
/// The token request is the one POST the harness makes, and it goes to the authorisation server only.
/// </summary>
public sealed class OAuth2ClientCredentials(Uri tokenUrl, string clientId, string clientSecret, string? scope, TimeSpan timeout)
{
    private List<string> _issued = []; // shared with the clients of narrower scopes, so their tokens are masked too
    private readonly Dictionary<string, OAuth2ClientCredentials> _narrower = new(StringComparer.Ordinal);
    private string? _token;
    private DateTimeOffset _refreshAt = DateTimeOffset.MinValue;

    public Uri TokenUrl => tokenUrl;
    public string ClientId => clientId;
    public string ClientSecret => clientSecret;
    public IReadOnlyList<string> Issued => _issued;
    public int TokensFetched => _issued.Count;
    public string? Scope => scope;

    /// <summary>
    /// The same client asking for other scopes (a check that needs a token without the scope an operation declares):
    /// one per scope, kept, its tokens among <see cref="Issued"/>.
    /// </summary>
    public OAuth2ClientCredentials ForScope(string asked)
    {
        lock (_narrower)
        {
            if (!_narrower.TryGetValue(asked, out var client))
                _narrower[asked] = client = new OAuth2ClientCredentials(tokenUrl, clientId, clientSecret, asked, timeout) { _issued = _issued };
            return client;
        }
    }

    /// <summary>The shortest life the harness gives a token, however short the server says: no token storm.</summary>
    private static readonly TimeSpan ShortestLife = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestLife = TimeSpan.FromDays(1);

    /// <summary>A token answer is a few hundred bytes: one that goes on past a megabyte is not read further.</summary>
    private const long MostTokenAnswer = ProbeSettings.Megabyte;

    /// <summary>
    /// The current token: fetched again 30 seconds before it expires, or at half its life for one that lives
    /// under a minute; or now, when <paramref name="force"/> says the server refused the last one.
    /// </summary>
    public async Task<string> TokenAsync(CancellationToken cancel, bool force = false)
    {
        if (_token is not null && !force && DateTimeOffset.UtcNow < _refreshAt) return _token;
        try
        {
            return await FetchAsync(cancel);
        }
        catch (Exception e) when (e is not (OAuth2Exception or OperationCanceledException))
        {
            throw new OAuth2Exception($"the token endpoint {tokenUrl} gave an answer the harness cannot use ({e.GetType().Name}: {e.Message})");
        }
    }

    private async Task<string> FetchAsync(CancellationToken cancel)
    {
        using var client = new RestClient(new RestClientOptions(tokenUrl)
        {
            Timeout = timeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            Authenticator = new HttpBasicAuthenticator(clientId, clientSecret), // RFC 6749 §2.3.1
            ConfigureMessageHandler = inner => new BodyCap(MostTokenAnswer) { InnerHandler = inner },
        });
        var request = new RestRequest("", Method.Post);
        request.AddHeader("Accept", "application/json");
        request.AddParameter("grant_type", "client_credentials");
        if (scope is not null) request.AddParameter("scope", scope);
        var response = await client.ExecuteAsync(request, cancel);
        if (response.StatusCode == 0)
            throw new OAuth2Exception($"the token endpoint {tokenUrl} did not answer ({response.ErrorMessage})");
        var body = response.IsSuccessful && response.Content is { } text ? TryParse(text) : null;
        if (body?["access_token"] is not JsonValue value || !value.TryGetValue<string>(out var token) || token.Length == 0)
            throw new OAuth2Exception($"the token endpoint {tokenUrl} answered {(int)response.StatusCode} without an access_token");
        if (ProbeSettings.HasControl(token))
            throw new OAuth2Exception($"the token endpoint {tokenUrl} issued a token holding a control character, which cannot be sent in a header (not shown)");
        var seconds = body["expires_in"] is JsonValue v && (v.TryGetValue<double>(out var n)
            || (v.TryGetValue<string>(out var s) && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out n)))
            && double.IsFinite(n) ? n : 300; // RFC 6749 §5.1: expires_in is recommended, not required
        var lifetime = TimeSpan.FromSeconds(Math.Clamp(seconds, ShortestLife.TotalSeconds, LongestLife.TotalSeconds));
        _token = token;
        _issued.Add(token);
        _refreshAt = DateTimeOffset.UtcNow + (lifetime / 2 < lifetime - TimeSpan.FromSeconds(30) ? lifetime - TimeSpan.FromSeconds(30) : lifetime / 2);
        return token;
    }

    private static JsonObject? TryParse(string text)
    {
        try { return JsonNode.Parse(text) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}

/// <summary>No token could be had: every request that needed one goes unanswered, with this reason.</summary>
public sealed class OAuth2Exception(string message) : Exception(message);
