using System.Text;
using Conformance.Http;

namespace Conformance.Vendors;

/// <summary>Turns a profile's auth section into what the probe sends, reading secrets from the environment.</summary>
public static class Credentials
{
    public static ProbeCredentials Resolve(Auth auth, Func<string, string?>? environment = null, TimeSpan? timeout = null)
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
            AuthType.OAuth2 => new ProbeCredentials([], null, new OAuth2ClientCredentials(new Uri(auth.TokenUrl!),
                Secret(auth.ClientIdEnv!), Secret(auth.ClientSecretEnv!), auth.Scope, timeout ?? TimeSpan.FromSeconds(30))),
            _ => ProbeCredentials.None,
        };
    }
}
