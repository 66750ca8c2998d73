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
    public void Query_parameters_are_read_and_a_secret_is_decided_by_position_not_by_name()
    {
        var profile = VendorProfileLoader.Load(Write(Minimal + "\nquery_parameters:\n  jurisdiction_id: harbourside.example\n  key_usage_type: signing\n  keyword: monkey\n"));
        Assert.That(profile.QueryParameters["jurisdiction_id"], Is.EqualTo("harbourside.example"));
        Assert.That(profile.QueryParameters["key_usage_type"], Is.EqualTo("signing"), "a name holding 'key' is no secret");
        Assert.That(profile.QueryParameters["keyword"], Is.EqualTo("monkey"));
        var refused = Assert.Throws<ConfigurationException>(() => VendorProfileLoader.Load(Write(Minimal
            + "\nauth:\n  type: api-key\n  query: api_key\n  secret_env: KEY\nquery_parameters:\n  api_key: abc123\n")));
        Assert.That(refused!.Message, Does.Contain("api_key").And.Contain("secret_env").And.Not.Contain("abc123"));
        var header = Assert.Throws<ConfigurationException>(() => VendorProfileLoader.Load(Write(Minimal + "\nheader_parameters:\n  Authorization: Bearer abc123\n")));
        Assert.That(header!.Message, Does.Contain("Authorization").And.Not.Contain("abc123"));
    }

    [Test]
    public void Parameter_values_are_read_as_the_text_written()
    {
        var profile = VendorProfileLoader.Load(Write(Minimal + """

            path_parameters:
              ARS: 091620000000
              date: 2024-01-01
            query_parameters:
              end_time: 2024010112
              flag: true
              ratio: 1.50
            header_parameters:
              x-v: 1
            operation_parameters:
              GET /trips:
                end_time: 1704067200
            limits:
              requests_per_second: 2
            """));
        Assert.That(profile.PathParameters["ARS"], Is.EqualTo("091620000000"), "the leading 0 is kept");
        Assert.That(profile.PathParameters["date"], Is.EqualTo("2024-01-01"));
        Assert.That(profile.QueryParameters["end_time"], Is.EqualTo("2024010112"));
        Assert.That(profile.QueryParameters["flag"], Is.EqualTo("true"));
        Assert.That(profile.QueryParameters["ratio"], Is.EqualTo("1.50"));
        Assert.That(profile.HeaderParameters["x-v"], Is.EqualTo("1"));
        Assert.That(profile.OperationParameters["GET /trips"]["end_time"], Is.EqualTo("1704067200"));
        Assert.That(profile.Limits.RequestsPerSecond, Is.EqualTo(2), "elsewhere numbers are still numbers");
        var bad = Assert.Throws<ConfigurationException>(() => VendorProfileLoader.Load(Write(Minimal + "\noperation_parameters:\n  trips:\n    end_time: 1\n")));
        Assert.That(bad!.Message, Does.Contain("METHOD /path"));
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
    public void Openapi_url_names_the_suppliers_document_by_url_or_by_a_file_beside_the_profile()
    {
        Assert.That(VendorProfileLoader.Load(Write(Minimal + "\nopenapi_url: https://api.example.org/oruk/openapi.json\n")).OpenApiUrl,
            Is.EqualTo("https://api.example.org/oruk/openapi.json"));
        var file = Write(Minimal + "\nopenapi_url: supplier/openapi.yaml\n");
        var document = Path.Combine(Path.GetDirectoryName(file)!, "supplier", "openapi.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(document)!);
        File.WriteAllText(document, "openapi: 3.0.3\n");
        Assert.That(VendorProfileLoader.Load(file).OpenApiUrl, Is.EqualTo(document), "read from the profile's folder, whatever the working folder");
        Assert.That(() => VendorProfileLoader.Load(Write(Minimal + "\nopenapi_url: missing.yaml\n")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("openapi_url names the file 'missing.yaml', which does not exist"));
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
    [TestCase("auth: {type: api-key, header: 'Bad Header:', secret_env: K}", "not a valid HTTP header name")]
    [TestCase("auth:", "must not be left empty")]
    [TestCase("environment: staging", "environment must be production or test")]
    [TestCase("colour: blue", "unknown key 'colour'")]
    public void Mistakes_are_refused_naming_the_file(string extra, string expected) =>
        Assert.That(() => VendorProfileLoader.Load(Write(Minimal + "\n" + extra + "\n")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("vendor.yaml").And.Message.Contains(expected));

    // A limit is a number when the profile is read; the door holds it to its range, in the words a flag gets (Limits).
    [TestCase("limits: {requests_per_second: 0}", "limits.requests_per_second must be a number of requests a second from 0.01 to 1000, not '0'.")]
    [TestCase("limits: {timeout_seconds: 1e300}", "limits.timeout_seconds must be a number of seconds above 0 and at most 3600, not '1E+300'.")]
    [TestCase("limits: {max_body_mb: 0}", "limits.max_body_mb must be a whole number of megabytes from 1 to 2000, not '0'.")]
    [TestCase("limits: {max_body_mb: 2001}", "limits.max_body_mb must be a whole number of megabytes from 1 to 2000, not '2001'.")]
    [TestCase("limits: {deadline_seconds: 0}", "limits.deadline_seconds must be a number of seconds above 0 and at most a week, not '0'.")]
    [TestCase("limits: {max_pages: 10001}", "limits.max_pages must be a whole number from 1 to 10000, not '10001'.")]
    [TestCase("limits: {concurrency: 65}", "limits.concurrency must be a whole number from 1 to 64, not '65'.")]
    public void Limits_out_of_range_are_refused_by_the_door_naming_the_file(string extra, string expected)
    {
        var file = Write(Minimal + "\n" + extra + "\n");
        var vendor = VendorProfileLoader.Load(file);
        var door = new Conformance.Door.RunDoor { Catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue() };
        Assert.That(() => door.Open(vendor, new Conformance.Running.RunOverrides()),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo($"{file}: {expected}"));
    }

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
