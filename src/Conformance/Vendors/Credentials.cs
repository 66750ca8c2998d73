using System.Text;
using Conformance.Http;

namespace Conformance.Vendors;

/// <summary>Turns a profile's auth section into what the probe sends, reading secrets from the environment.</summary>
public static class Credentials
{
    /// <param name="baseUrl">The API's base URL: a token_url without a host (/auth) is on the API's own host.</param>
    public static ProbeCredentials Resolve(Auth auth, Func<string, string?>? environment = null, TimeSpan? timeout = null, Uri? baseUrl = null)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        string Secret(string variable) => environment(variable) is { Length: > 0 } value
            ? value
            : throw new ConfigurationException($"The environment variable {variable} named by the vendor profile is not set.");
        return auth.Type switch
        {
            AuthType.ApiKey when auth.Header is not null => new ProbeCredentials([new(auth.Header, Secret(auth.SecretEnv!))], null),
            AuthType.ApiKey => new ProbeCredentials([], new(auth.Query!, Secret(auth.SecretEnv!))),
            AuthType.Bearer => new ProbeCredentials([new("Authorization", $"Bearer {Secret(auth.SecretEnv!)}")], null),
            AuthType.Basic => new ProbeCredentials([new("Authorization",
                "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Secret(auth.UsernameEnv!)}:{Secret(auth.PasswordEnv!)}")))], null),
            AuthType.OAuth2 => new ProbeCredentials([], null, new OAuth2ClientCredentials(TokenUrl(auth.TokenUrl!, baseUrl),
                Secret(auth.ClientIdEnv!), Secret(auth.ClientSecretEnv!), auth.Scope, timeout ?? TimeSpan.FromSeconds(30))),
            _ => ProbeCredentials.None,
        };
    }

    private static Uri TokenUrl(string tokenUrl, Uri? baseUrl) =>
        Uri.TryCreate(tokenUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
        : baseUrl is not null && tokenUrl.StartsWith('/') ? new Uri(baseUrl, tokenUrl)
        : throw new ConfigurationException($"auth.token_url '{tokenUrl}' is neither an http(s) URL nor a path on the API's host (/auth).");
}
