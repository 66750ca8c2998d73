using System.Text.Json.Nodes;
using Conformance.Specs;

namespace Conformance.Vendors;

/// <summary>Reads and checks a vendor profile. Every problem names the file; an inline secret is refused.</summary>
public static class VendorProfileLoader
{
    // Keys that would hold a secret's value. The format only has *_env keys that name variables.
    private static readonly string[] SecretKeys = ["secret", "token", "password", "api_key", "apikey", "key", "value", "username"];

    public static VendorProfile Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException($"Vendor profile '{file}' does not exist.");
        static Exception Fail(string message, Exception? inner) => new ConfigurationException(message);
        var node = YamlDocuments.ReadMapping(file, "vendor, product, standard, base_url, auth...", Fail);
        if (node["auth"] is JsonObject auth && auth.FirstOrDefault(p => SecretKeys.Contains(p.Key.ToLowerInvariant())) is { Key: not null } inline)
            throw new ConfigurationException(
                $"{file}: auth.{inline.Key} holds a secret inline; put it in an environment variable and name that variable (secret_env, username_env, password_env).");
        var profile = YamlDocuments.Deserialize<VendorProfile>(file, node, Fail);
        Validate(file, profile);
        return profile;
    }

    private static void Validate(string file, VendorProfile profile)
    {
        if (profile.Auth is null || profile.Features is null || profile.Limits is null || profile.PathParameters is null || profile.QueryParameters is null)
            throw new ConfigurationException($"{file}: auth, features, limits, path_parameters and query_parameters must not be left empty (leave the key out instead).");
        if (profile.Reference == (profile.BaseUrl is not null))
            throw new ConfigurationException($"{file}: give base_url, or reference: true for the built-in reference implementation (not both).");
        if (profile.BaseUrl is not null && !(Uri.TryCreate(profile.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new ConfigurationException($"{file}: base_url must be an absolute http or https URL, not '{profile.BaseUrl}'.");
        var auth = profile.Auth;
        switch (auth.Type)
        {
            case AuthType.None:
                break;
            case AuthType.ApiKey when (auth.Header is null) == (auth.Query is null) || auth.SecretEnv is null:
                throw new ConfigurationException($"{file}: auth type api-key needs secret_env and exactly one of header or query.");
            case AuthType.Bearer when auth.SecretEnv is null:
                throw new ConfigurationException($"{file}: auth type bearer needs secret_env.");
            case AuthType.Basic when auth.UsernameEnv is null || auth.PasswordEnv is null:
                throw new ConfigurationException($"{file}: auth type basic needs username_env and password_env.");
            case AuthType.ApiKey when auth.Header is not null && !IsHeaderName(auth.Header):
                throw new ConfigurationException($"{file}: auth.header '{auth.Header}' is not a valid HTTP header name.");
            case AuthType.OAuth2 when auth.ClientIdEnv is null || auth.ClientSecretEnv is null
                               || !(Uri.TryCreate(auth.TokenUrl, UriKind.Absolute, out var token) && token.Scheme is "http" or "https"
                                    || auth.TokenUrl is ['/', not '/', ..]):
                throw new ConfigurationException($"{file}: auth type oauth2 needs token_url (an absolute http(s) URL, or a path such as /auth on the API's own host), client_id_env and client_secret_env.");
            case AuthType.ApiKey or AuthType.Bearer or AuthType.Basic or AuthType.OAuth2:
                break;
        }
        foreach (var name in profile.QueryParameters.Keys.Where(Http.Redaction.IsSensitive))
            throw new ConfigurationException($"{file}: query_parameters names '{name}', which looks like a secret; give keys through auth (api-key with query and secret_env), never inline.");
        var limits = profile.Limits;
        if (limits.RequestsPerSecond is not null and not (>= 0.01 and <= 1000) || limits.Concurrency is < 1 or > 64
            || limits.TimeoutSeconds is not null and not (> 0 and <= 3600) || limits.MaxPages is < 1 or > 10_000
            || limits.MaxBodyMb is < 1 || limits.MaxBodyMb * Http.ProbeSettings.Megabyte > Http.ProbeSettings.MostBodyBytes
            || limits.DeadlineSeconds is not null and not (> 0 and <= 7 * 24 * 3600))
            throw new ConfigurationException(
                $"{file}: limits out of range (requests_per_second 0.01 to 1000, concurrency 1 to 64, timeout_seconds above 0 up to 3600, max_pages 1 to 10000, max_body_mb 1 to {Http.ProbeSettings.MostBodyBytes / Http.ProbeSettings.Megabyte}, deadline_seconds above 0 up to a week).");
    }

    /// <summary>An HTTP header name: a token of letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 §5.6.2).</summary>
    public static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
