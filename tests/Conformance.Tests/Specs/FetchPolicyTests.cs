using System.Net;
using Conformance.Specs;

namespace Conformance.Tests.Specs;

/// <summary>
/// The rules for where a spec's documents may be read from, without any network: each rule where it allows and
/// where it refuses, and every refusal names what would allow it.
/// </summary>
public class FetchPolicyTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("fetch-policy-").FullName;
    private static readonly SpecOrigin LocalSpec = new(new Uri(Path.Combine(Folder, "spec", "openapi.json")), null);
    private static readonly SpecOrigin PublicSpec = new(new Uri("https://specs.example.org/api/openapi.json"), AddressScope.Public);
    private static readonly SpecOrigin LoopbackSpec = new(new Uri("http://127.0.0.1:8080/openapi.json"), AddressScope.Loopback);

    [TestCase("93.184.216.34", AddressScope.Public)]
    [TestCase("2606:2800:220:1::1", AddressScope.Public)]
    [TestCase("127.0.0.1", AddressScope.Loopback)]
    [TestCase("127.8.9.10", AddressScope.Loopback)]
    [TestCase("::1", AddressScope.Loopback)]
    [TestCase("::ffff:127.0.0.1", AddressScope.Loopback)]
    [TestCase("64:ff9b::7f00:1", AddressScope.Loopback)]
    [TestCase("169.254.169.254", AddressScope.LinkLocal)]
    [TestCase("::ffff:169.254.169.254", AddressScope.LinkLocal)]
    [TestCase("fd00:ec2::254", AddressScope.LinkLocal)]
    [TestCase("fe80::1", AddressScope.LinkLocal)]
    [TestCase("10.1.2.3", AddressScope.Private)]
    [TestCase("172.16.0.1", AddressScope.Private)]
    [TestCase("172.31.255.255", AddressScope.Private)]
    [TestCase("172.32.0.1", AddressScope.Public)]
    [TestCase("192.168.1.1", AddressScope.Private)]
    [TestCase("100.64.0.1", AddressScope.Private)]
    [TestCase("fc00::1", AddressScope.Private)]
    [TestCase("0.0.0.0", AddressScope.Unroutable)]
    [TestCase("::", AddressScope.Unroutable)]
    [TestCase("224.0.0.1", AddressScope.Unroutable)]
    [TestCase("255.255.255.255", AddressScope.Unroutable)]
    public void Addresses_are_classified_by_where_they_lead(string address, AddressScope expected) =>
        Assert.That(AddressScopes.Of(IPAddress.Parse(address)), Is.EqualTo(expected));

    [Test]
    public void A_mapped_prefix_is_read_from_its_folder_and_never_fetched()
    {
        var map = new RefMap();
        map.Add("https://schemas.example.org/v1/", Folder);
        var policy = new FetchPolicy(map);
        Assert.That(policy.Locate(new Uri("https://schemas.example.org/v1/service.json"), LocalSpec), Is.EqualTo(Path.Combine(Folder, "service.json")));
        Assert.That(() => policy.Locate(new Uri("https://schemas.example.org/v1/..%2F..%2Fetc%2Fpasswd"), LocalSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("leads out of the folder --ref-map maps"));
    }

    [Test]
    public void A_local_spec_reads_files_in_its_own_folder_only()
    {
        var policy = new FetchPolicy();
        Assert.That(policy.Locate(new Uri(LocalSpec.Location, "schemas/pet.json"), LocalSpec), Is.EqualTo(Path.Combine(Folder, "spec", "schemas", "pet.json")));
        Assert.That(() => policy.Locate(new Uri(LocalSpec.Location, "../../../../etc/passwd"), LocalSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("outside the spec's own folder").And.Message.Contains("--ref-map file:///etc/=DIR"));
        Assert.That(() => policy.Locate(new Uri(Path.Combine(Folder, "spec-sibling", "x.json")), LocalSpec),
            Throws.TypeOf<SpecLoadException>(), "a folder whose name starts with the spec folder's is not inside it");
        Assert.That(() => policy.Locate(new Uri("file://fileserver.example/share/x.json"), LocalSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("a file on another machine"));
    }

    [Test]
    public void A_spec_read_over_http_never_reads_a_local_file() =>
        Assert.That(() => new FetchPolicy().Locate(new Uri("file:///etc/passwd"), PublicSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("may not make the harness read local files"));

    [Test]
    public void Only_the_specs_own_origin_is_fetched_unless_a_host_is_allowed()
    {
        var policy = new FetchPolicy();
        Assert.That(policy.Locate(new Uri("https://specs.example.org/api/schemas/pet.json"), PublicSpec), Is.Null, "the same origin is downloaded");
        Assert.That(() => policy.Locate(new Uri("http://specs.example.org/api/pet.json"), PublicSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("--allow-remote-refs specs.example.org"), "another scheme is another origin");
        Assert.That(() => policy.Locate(new Uri("https://specs.example.org:8443/pet.json"), PublicSpec), Throws.TypeOf<SpecLoadException>(), "another port too");
        Assert.That(() => policy.Locate(new Uri("https://cdn.example.net/lib/pet.json"), PublicSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("--allow-remote-refs cdn.example.net")
                .And.Message.Contains("--ref-map https://cdn.example.net/lib/=DIR"));
        Assert.That(() => policy.Locate(new Uri("https://cdn.example.net/pet.json"), LocalSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("the spec is a local file"));

        policy.AllowRemoteRefs("CDN.example.net");
        Assert.That(policy.Locate(new Uri("https://cdn.example.net/lib/pet.json"), PublicSpec), Is.Null);
        Assert.That(policy.Locate(new Uri("http://cdn.example.net:81/pet.json"), LocalSpec), Is.Null, "an allowed host, on any port");
    }

    [Test]
    public void An_identifier_that_is_not_a_url_is_never_fetched() =>
        Assert.That(() => new FetchPolicy().Locate(new Uri("urn:example:unknown"), PublicSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("declares no schema by that identifier"));

    [TestCase("::1")]
    [TestCase("[::1]")]
    public void An_ipv6_host_may_be_allowed(string host)
    {
        var policy = new FetchPolicy();
        policy.AllowRemoteRefs(host);
        Assert.That(policy.Locate(new Uri("http://[::1]:9000/x.json"), LoopbackSpec), Is.Null);
    }

    [TestCase("")]
    [TestCase("https://cdn.example.net")]
    [TestCase("cdn.example.net/lib")]
    [TestCase("cdn.example.net:443")]
    [TestCase("*.example.net")]
    public void Allow_remote_refs_takes_a_host_and_nothing_else(string host) =>
        Assert.That(() => new FetchPolicy().AllowRemoteRefs(host), Throws.TypeOf<ConfigurationException>().With.Message.Contains("--allow-remote-refs"));

    [Test]
    public void A_document_the_spec_refers_to_reaches_public_addresses_and_the_kind_the_spec_came_from()
    {
        var policy = new FetchPolicy();
        var url = new Uri("http://127.0.0.1:8080/x.json");
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("93.184.216.34"), LocalSpec, null), Is.Null);
        Assert.That(policy.RefuseAddress(url, IPAddress.Loopback, LoopbackSpec, null), Is.Null, "a spec given by a loopback URL may read loopback");
        Assert.That(policy.RefuseAddress(url, IPAddress.Loopback, LocalSpec, null), Does.Contain("loopback").And.Contain("a local spec").And.Contain("--ref-map"));
        Assert.That(policy.RefuseAddress(url, IPAddress.Loopback, PublicSpec, null), Does.Contain("loopback"), "a name that resolves to 127.0.0.1 is loopback");
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("169.254.169.254"), PublicSpec, null), Does.Contain("link-local"));
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("169.254.169.254"), LoopbackSpec, null), Does.Contain("link-local"));
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("0.0.0.0"), LoopbackSpec, null), Is.Not.Null);
    }

    [Test]
    public void A_document_a_server_names_reaches_public_addresses_and_that_servers_own_origin_only()
    {
        var policy = new FetchPolicy();
        var target = new Uri("http://127.0.0.1:8080/oruk/");
        Assert.That(policy.RefuseNamedAddress(new Uri("https://docs.vendor.example/openapi.json"), IPAddress.Parse("93.184.216.34"), target), Is.Null);
        Assert.That(policy.RefuseNamedAddress(new Uri("http://127.0.0.1:8080/openapi.json"), IPAddress.Loopback, target), Is.Null,
            "the API's own origin is the user's choice, wherever it is");
        Assert.That(policy.RefuseNamedAddress(new Uri("http://127.0.0.1:9090/openapi.json"), IPAddress.Loopback, target),
            Does.Contain("loopback").And.Contain("a document a server names").And.Contain("--ref-map"), "another port is another origin");
        Assert.That(policy.RefuseNamedAddress(new Uri("http://metadata.example/latest"), IPAddress.Parse("169.254.169.254"), target), Does.Contain("link-local"));
        var intranet = new Uri("https://docs.intranet.example/openapi.json");
        Assert.That(policy.RefuseNamedAddress(intranet, IPAddress.Parse("10.0.0.7"), target), Does.Contain("--allow-remote-refs docs.intranet.example"));
        policy.AllowRemoteRefs("docs.intranet.example");
        Assert.That(policy.RefuseNamedAddress(intranet, IPAddress.Parse("10.0.0.7"), target), Is.Null);
    }

    [Test]
    public void A_document_a_server_names_is_never_a_local_file()
    {
        var source = new SpecSource(new FetchPolicy());
        Assert.That(() => source.ReadNamed(new Uri("file:///etc/passwd"), new Uri("http://127.0.0.1:8080/")),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("never read from a local file"));
    }

    [Test]
    public void A_private_address_needs_its_host_allowed()
    {
        var policy = new FetchPolicy();
        var url = new Uri("https://schemas.intranet.example/x.json");
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("10.1.2.3"), PublicSpec, null), Does.Contain("--allow-remote-refs schemas.intranet.example"));
        policy.AllowRemoteRefs("schemas.intranet.example");
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("10.1.2.3"), PublicSpec, null), Is.Null);
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("127.0.0.1"), PublicSpec, null), Is.Not.Null, "allowing a host never opens loopback");
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("169.254.169.254"), PublicSpec, null), Is.Not.Null, "nor link-local");
    }

    [Test]
    public void The_spec_itself_goes_where_the_user_pointed_and_its_redirects_stay_in_that_kind_of_address()
    {
        var policy = new FetchPolicy();
        var url = new Uri("http://specs.example.org/openapi.json");
        Assert.That(policy.RefuseAddress(url, IPAddress.Loopback, null, null), Is.Null, "the first request goes where the user said");
        Assert.That(policy.RefuseAddress(url, IPAddress.Loopback, null, AddressScope.Loopback), Is.Null);
        Assert.That(policy.RefuseAddress(url, IPAddress.Loopback, null, AddressScope.Public), Does.Contain("may not be redirected there"));
        Assert.That(policy.RefuseAddress(url, IPAddress.Parse("169.254.169.254"), null, AddressScope.Public), Is.Not.Null);
    }

    [Test]
    public void A_redirect_keeps_its_scheme_and_a_documents_redirect_its_rules()
    {
        var policy = new FetchPolicy();
        var from = new Uri("https://specs.example.org/api/openapi.json");
        Assert.That(() => policy.CheckRedirect(from, new Uri("file:///etc/passwd"), null),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("keep its scheme"));
        Assert.That(() => policy.CheckRedirect(from, new Uri("http://specs.example.org/api/openapi.json"), null), Throws.TypeOf<SpecLoadException>());
        Assert.That(() => policy.CheckRedirect(from, new Uri("https://mirror.example.net/openapi.json"), null), Throws.Nothing, "the spec itself may move");
        Assert.That(() => policy.CheckRedirect(from, new Uri("https://mirror.example.net/pet.json"), PublicSpec),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("--allow-remote-refs mirror.example.net"), "a document it refers to may not");
        Assert.That(() => policy.CheckRedirect(from, new Uri("https://specs.example.org/v2/pet.json"), PublicSpec), Throws.Nothing);
    }
}
