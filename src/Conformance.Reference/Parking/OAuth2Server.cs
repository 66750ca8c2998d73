using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Reference.Parking;

/// <summary>
/// The NPP's OAuth2 client credentials (RFC 6749 §4.4) in front of a reference: a token endpoint at /auth that
/// issues bearer tokens to the registered clients, for the scopes each may hold, and a gate that refuses a request
/// without a token, or with one it did not issue or that expired, with 401, and one whose token holds none of the
/// scope sets the operation declares with 403 (RFC 6750 §3.1). The scopes each operation declares are read from the
/// standard's transcription, so the reference demands exactly what the document says.
/// </summary>
public sealed class OAuth2Server
{
    public const string TokenPath = "/auth";
    public static readonly TimeSpan TokenLife = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<Client> _clients;
    private readonly IReadOnlyList<Operation> _operations;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Scopes, DateTimeOffset Expires)> _tokens = new();

    /// <summary>A client the platform registered, with its secret and the scopes (roles) it may ask for.</summary>
    public sealed record Client(string Id, string Secret, IReadOnlySet<string> Scopes);

    /// <summary>An operation of the document: its path as a pattern, and each set of scopes that lets a token through.</summary>
    private sealed record Operation(string Method, Regex Path, IReadOnlyList<IReadOnlySet<string>> Alternatives);

    public OAuth2Server(IReadOnlyList<Client> clients, JsonNode document, TimeProvider? clock = null)
    {
        _clients = clients;
        _clock = clock ?? TimeProvider.System;
        _operations = Operations(document).ToList();
    }

    /// <summary>The clients of standards/ID/reference/clients.json: [{client_id, client_secret, scopes}].</summary>
    public static IReadOnlyList<Client> LoadClients(string file) =>
        (JsonNode.Parse(File.ReadAllText(file)) as JsonArray ?? [])
        .OfType<JsonObject>()
        .Select(c => new Client(c["client_id"]!.GetValue<string>(), c["client_secret"]!.GetValue<string>(),
            (c["scopes"] as JsonArray ?? []).Select(s => s!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)))
        .ToList();

    /// <summary>The token endpoint, then the gate, then <paramref name="inner"/>.</summary>
    public RequestHandler Guard(RequestHandler inner) => request =>
        request.Path == TokenPath ? Token(request) : Refusal(request) ?? inner(request);

    /// <summary>POST /auth: grant_type=client_credentials, the client by HTTP Basic (or client_id and client_secret in the form).</summary>
    private ReferenceResponse Token(ReferenceRequest request)
    {
        if (request.Method != "POST") return OAuthError(405, "invalid_request", "The token endpoint takes POST.");
        var form = ReferenceServer.Form(request.Body ?? "").GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
            return OAuthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is offered.");
        var (id, secret) = Basic(request.Header("Authorization")) ?? (form.GetValueOrDefault("client_id"), form.GetValueOrDefault("client_secret"));
        var client = _clients.FirstOrDefault(c => c.Id == id && secret is not null && Same(c.Secret, secret));
        if (client is null)
            return OAuthError(401, "invalid_client", "Unknown client, or a wrong secret.") with
            {
                Headers = new Dictionary<string, string?> { ["WWW-Authenticate"] = "Basic realm=\"npp\"" },
            };
        var asked = form.GetValueOrDefault("scope")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (asked is not null && !asked.IsSubsetOf(client.Scopes))
            return OAuthError(400, "invalid_scope", $"This client may hold only {string.Join(" ", client.Scopes.Order())}.");
        var scopes = asked is { Count: > 0 } ? asked : client.Scopes;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        _tokens[token] = (scopes, _clock.GetUtcNow() + TokenLife);
        return new ReferenceResponse(200, new JsonObject
        {
            ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (int)TokenLife.TotalSeconds, ["scope"] = string.Join(" ", scopes.Order()),
        }) { Headers = new Dictionary<string, string?> { ["Cache-Control"] = "no-store" } };
    }

    /// <summary>Why a request may not go on (401 or 403), or null when its token holds a scope set the operation declares.</summary>
    private ReferenceResponse? Refusal(ReferenceRequest request)
    {
        var method = request.Method == "HEAD" ? "GET" : request.Method;
        var operation = _operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(request.Path));
        // Not an operation of the document, or one a requirement without scopes leaves open.
        if (operation is null || operation.Alternatives.Count == 0 || operation.Alternatives.Any(a => a.Count == 0)) return null;
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Refused(401, "Bearer realm=\"npp\"", "A bearer token is required: ask the token endpoint (/auth) for one.");
        if (!_tokens.TryGetValue(header[7..].Trim(), out var granted) || granted.Expires <= _clock.GetUtcNow())
            return Refused(401, "Bearer realm=\"npp\", error=\"invalid_token\"", "The token is unknown or has expired.");
        if (!operation.Alternatives.Any(needed => needed.IsSubsetOf(granted.Scopes)))
        {
            var wanted = string.Join(" or ", operation.Alternatives.Select(a => string.Join(" ", a)));
            return Refused(403, $"Bearer realm=\"npp\", error=\"insufficient_scope\", scope=\"{string.Join(" ", operation.Alternatives.SelectMany(a => a).Distinct())}\"",
                $"The token's scopes ({string.Join(" ", granted.Scopes.Order())}) do not allow this operation, which needs {wanted}.");
        }
        return null;
    }

    private static ReferenceResponse Refused(int status, string challenge, string message) =>
        new(status, new JsonObject { ["status"] = "error", ["code"] = status, ["message"] = message })
        {
            Headers = new Dictionary<string, string?> { ["WWW-Authenticate"] = challenge },
        };

    private static ReferenceResponse OAuthError(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static (string?, string?)? Basic(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>
    /// Each operation's security: the document's own requirement list, or the top-level one. Each requirement naming
    /// the OAuth2 scheme is one set of scopes that suffices (requirements are alternatives; scopes within one are all needed).
    /// </summary>
    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        var global = document["security"] as JsonArray;
        foreach (var (path, item) in document["paths"] as JsonObject ?? [])
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]*}", "[^/]+") + "/?$");
            foreach (var (method, operation) in item as JsonObject ?? [])
            {
                if (method is "parameters" or "summary" or "description" || operation is not JsonObject) continue;
                var requirements = operation["security"] as JsonArray ?? global ?? [];
                var alternatives = requirements.OfType<JsonObject>()
                    .Select(r => (IReadOnlySet<string>)r.SelectMany(s => (s.Value as JsonArray ?? []).Select(x => x!.GetValue<string>())).ToHashSet(StringComparer.Ordinal))
                    .ToList();
                yield return new Operation(method.ToUpperInvariant(), pattern, alternatives);
            }
        }
    }
}
