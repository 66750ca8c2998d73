using Conformance.Vendors;

namespace Conformance.Tests.Vendors;

public class VendorProfileLoaderTests
{
    private static string Write(string yaml)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("vendor-").FullName, "vendor.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    private const string Minimal = """
        vendor: Harbourside Digital
        product: ServiceFinder 4
        standard: oruk-3.0
        base_url: https://api.example.org/oruk
        """;

    [Test]
    public void Every_shipped_vendor_profile_loads_for_an_installed_standard()
    {
        var catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue();
        var files = Directory.GetFiles(Path.Combine(Fixtures.RepositoryRoot(), "vendor-profiles"), "*.yaml", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.GreaterThanOrEqualTo(3));
        foreach (var file in files)
        {
            var vendor = VendorProfileLoader.Load(file);
            var standard = catalogue.Load(vendor.Standard!);
            Assert.That(vendor.Features.Keys, Is.SubsetOf(standard.Endpoints.Optional), file);
        }
    }

    [Test]
    public void Query_parameters_are_read_but_a_secret_among_them_is_refused()
    {
        var profile = VendorProfileLoader.Load(Write(Minimal + "\nquery_parameters:\n  jurisdiction_id: harbourside.example\n"));
        Assert.That(profile.QueryParameters["jurisdiction_id"], Is.EqualTo("harbourside.example"));
        var refused = Assert.Throws<ConfigurationException>(() => VendorProfileLoader.Load(Write(Minimal + "\nquery_parameters:\n  api_key: abc123\n")));
        Assert.That(refused!.Message, Does.Contain("api_key").And.Contain("secret"));
    }

    [Test]
    public void Oauth2_needs_a_token_url_and_the_client_variables()
    {
        var good = VendorProfileLoader.Load(Write(Minimal + "\nauth:\n  type: oauth2\n  token_url: https://auth.example/token\n  client_id_env: ID\n  client_secret_env: SECRET\n"));
        var credentials = Credentials.Resolve(good.Auth, name => name == "ID" ? "harness" : "s3cret");
        Assert.That(credentials.OAuth2, Is.Not.Null);
        Assert.That(credentials.Secrets, Does.Contain("s3cret"));
        var refused = Assert.Throws<ConfigurationException>(() => VendorProfileLoader.Load(Write(Minimal + "\nauth:\n  type: oauth2\n  client_id_env: ID\n  client_secret_env: SECRET\n")));
        Assert.That(refused!.Message, Does.Contain("token_url"));
    }

    [Test]
    public void The_shipped_reference_profile_loads()
    {
        var profile = VendorProfileLoader.Load(Path.Combine(Fixtures.RepositoryRoot(), "vendor-profiles", "oruk-3.0-reference.yaml"));
        Assert.That(profile.Reference, Is.True);
        Assert.That(profile.Standard, Is.EqualTo("oruk-3.0"));
        Assert.That(profile.Features["/taxonomies"], Is.EqualTo(FeatureState.Implemented));
    }

    [Test]
    public void A_profile_with_api_key_auth_loads_with_its_limits()
    {
        var profile = VendorProfileLoader.Load(Write(Minimal + """

            auth: {type: api-key, header: X-Api-Key, secret_env: SF_KEY}
            limits: {requests_per_second: 5, max_pages: 4, max_body_mb: 50}
            """));
        Assert.That(profile.Auth.Header, Is.EqualTo("X-Api-Key"));
        Assert.That(profile.Limits.RequestsPerSecond, Is.EqualTo(5));
        Assert.That(profile.Limits.MaxPages, Is.EqualTo(4));
        Assert.That(profile.Limits.MaxBodyMb, Is.EqualTo(50));
    }

    [TestCase("auth: {type: api-key, header: X-Api-Key, key: abc123}", "inline")]
    [TestCase("auth: {type: bearer, token: abc123}", "inline")]
    [TestCase("auth: {type: basic, username_env: U, password: hunter2}", "inline")]
    [TestCase("auth: {type: api-key, header: X-Api-Key}", "secret_env")]
    [TestCase("auth: {type: api-key, header: X, query: k, secret_env: S}", "exactly one of header or query")]
    [TestCase("auth: {type: oauth9}", "type must be none, api-key, bearer, basic or oauth2")]
    [TestCase("features: {/taxonomies: maybe}", "/taxonomies must be implemented, not-implemented or unknown")]
    [TestCase("limits: {requests_per_second: 0}", "out of range")]
    [TestCase("limits: {timeout_seconds: 1e300}", "out of range")]
    [TestCase("limits: {max_body_mb: 0}", "max_body_mb 1 to 2000")]
    [TestCase("limits: {max_body_mb: 2001}", "max_body_mb 1 to 2000")]
    [TestCase("limits: {deadline_seconds: 0}", "deadline_seconds above 0 up to a week")]
    [TestCase("auth: {type: api-key, header: 'Bad Header:', secret_env: K}", "not a valid HTTP header name")]
    [TestCase("auth:", "must not be left empty")]
    [TestCase("environment: staging", "environment must be production or test")]
    [TestCase("colour: blue", "unknown key 'colour'")]
    public void Mistakes_are_refused_naming_the_file(string extra, string expected) =>
        Assert.That(() => VendorProfileLoader.Load(Write(Minimal + "\n" + extra + "\n")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("vendor.yaml").And.Message.Contains(expected));

    [Test]
    public void An_unknown_key_holding_a_mapping_is_placed_on_its_own_line()
    {
        var file = Write(Minimal + "\nlimitz:\n  max_pages: 2\n");
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.StartsWith("limitz:")) + 1;
        Assert.That(() => VendorProfileLoader.Load(file), Throws.TypeOf<ConfigurationException>().With.Message.Contains($"line {line}: unknown key 'limitz'"));
    }

    [Test]
    public void A_profile_without_vendor_and_product_names_them() =>
        Assert.That(() => VendorProfileLoader.Load(Write("standard: oruk-3.0\nbase_url: https://api.example.org\n")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("required key(s) missing: 'vendor', 'product'"));

    [Test]
    public void A_base_url_and_the_reference_together_are_refused() =>
        Assert.That(() => VendorProfileLoader.Load(Write(Minimal + "\nreference: true\n")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("not both"));

    [Test]
    public void An_oauth2_token_url_is_an_http_url_or_a_path_on_the_apis_host()
    {
        static string OAuth2(string tokenUrl) => Minimal + $"\nauth:\n  type: oauth2\n  token_url: {tokenUrl}\n  client_id_env: ID\n  client_secret_env: SECRET\n";
        Assert.That(VendorProfileLoader.Load(Write(OAuth2("/auth"))).Auth.TokenUrl, Is.EqualTo("/auth"));
        Assert.That(VendorProfileLoader.Load(Write(OAuth2("https://auth.example.org/token"))).Auth.TokenUrl, Is.EqualTo("https://auth.example.org/token"));
        foreach (var bad in new[] { "auth", "//auth.example.org/token", "ftp://auth.example.org/token" })
            Assert.That(() => VendorProfileLoader.Load(Write(OAuth2(bad))), Throws.TypeOf<ConfigurationException>().With.Message.Contains("token_url"), bad);
    }
}
