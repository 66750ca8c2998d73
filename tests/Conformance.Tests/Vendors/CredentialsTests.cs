using System.Text;
using Conformance.Vendors;

namespace Conformance.Tests.Vendors;

public class CredentialsTests
{
    private static readonly Dictionary<string, string> Environment = new() { ["KEY"] = "k-123", ["USER"] = "ann", ["PASS"] = "p w" };

    private static Conformance.Http.ProbeCredentials Resolve(Auth auth) => Credentials.Resolve(auth, Environment.GetValueOrDefault);

    [Test]
    public void An_api_key_header_comes_from_its_variable() =>
        Assert.That(Resolve(new Auth { Type = AuthType.ApiKey, Header = "X-Api-Key", SecretEnv = "KEY" }).Headers.Single(),
            Is.EqualTo(new KeyValuePair<string, string>("X-Api-Key", "k-123")));

    [Test]
    public void An_api_key_in_the_query_is_a_query_parameter() =>
        Assert.That(Resolve(new Auth { Type = AuthType.ApiKey, Query = "api_key", SecretEnv = "KEY" }).Query,
            Is.EqualTo(new KeyValuePair<string, string>("api_key", "k-123")));

    [Test]
    public void Bearer_and_basic_become_authorization_headers()
    {
        Assert.That(Resolve(new Auth { Type = AuthType.Bearer, SecretEnv = "KEY" }).Headers.Single().Value, Is.EqualTo("Bearer k-123"));
        var basic = Resolve(new Auth { Type = AuthType.Basic, UsernameEnv = "USER", PasswordEnv = "PASS" }).Headers.Single().Value;
        Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(basic["Basic ".Length..])), Is.EqualTo("ann:p w"));
    }

    [Test]
    public void A_variable_that_is_not_set_is_a_clear_error() =>
        Assert.That(() => Resolve(new Auth { Type = AuthType.Bearer, SecretEnv = "MISSING" }),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("MISSING"));

    [Test]
    public void An_oauth2_token_url_given_as_a_path_is_on_the_apis_own_host()
    {
        var auth = new Auth { Type = AuthType.OAuth2, TokenUrl = "/auth", ClientIdEnv = "USER", ClientSecretEnv = "PASS" };
        var resolved = Credentials.Resolve(auth, Environment.GetValueOrDefault, baseUrl: new Uri("https://npp.example.org/v1/parking"));
        Assert.That(resolved.OAuth2!.TokenUrl, Is.EqualTo(new Uri("https://npp.example.org/auth")));
        Assert.That(() => Resolve(auth), Throws.TypeOf<ConfigurationException>().With.Message.Contains("/auth"), "a path needs the API's address");
    }
}
