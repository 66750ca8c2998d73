using System.Text.Json.Nodes;
using RestSharp;
using RestSharp.Authenticators;

namespace Conformance.Http;

/// <summary>
/// OAuth2 client credentials (RFC 6749 §4.4): a token from the token endpoint, sent as a bearer token and
/// fetched again before it expires. The client secret and every token issued are secrets: reports mask them.
/// The token request is the one POST the harness makes, and it goes to the authorisation server only.
/// </summary>
public sealed class OAuth2ClientCredentials(Uri tokenUrl, string clientId, string clientSecret, string? scope, TimeSpan timeout)
{
    private readonly List<string> _issued = [];
    private string? _token;
    private DateTimeOffset _refreshAt = DateTimeOffset.MinValue;

    public string ClientSecret => clientSecret;
    public IReadOnlyList<string> Issued => _issued;
    public int TokensFetched => _issued.Count;

    /// <summary>The current token, fetched again when it is past half its life or within 30 seconds of expiring.</summary>
    public async Task<string> TokenAsync(CancellationToken cancel)
    {
        if (_token is not null && DateTimeOffset.UtcNow < _refreshAt) return _token;
        using var client = new RestClient(new RestClientOptions(tokenUrl)
        {
            Timeout = timeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            Authenticator = new HttpBasicAuthenticator(clientId, clientSecret), // RFC 6749 §2.3.1
        });
        var request = new RestRequest("", Method.Post);
        request.AddHeader("Accept", "application/json");
        request.AddParameter("grant_type", "client_credentials");
        if (scope is not null) request.AddParameter("scope", scope);
        var response = await client.ExecuteAsync(request, cancel);
        var body = response.IsSuccessful && response.Content is { } text ? TryParse(text) : null;
        if (body?["access_token"]?.GetValue<string>() is not { Length: > 0 } token)
            throw new OAuth2Exception($"the token endpoint {tokenUrl} answered {(int)response.StatusCode} without an access_token");
        var lifetime = body["expires_in"] is JsonValue v && v.TryGetValue<double>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
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
