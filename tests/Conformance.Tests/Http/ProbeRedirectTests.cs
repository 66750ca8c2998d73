using Conformance.Http;
using Conformance.Reference;

namespace Conformance.Tests.Http;

/// <summary>
/// The probe follows a few redirects itself, only within the origin it was given, so credentials and the user's
/// headers never reach another server; every redirect followed is recorded as evidence.
/// </summary>
public class ProbeRedirectTests
{
    private static ReferenceResponse Moved(int status, string location) =>
        new(status, null) { Headers = new Dictionary<string, string?> { ["Location"] = location } };

    private static readonly ReferenceResponse Served = ReferenceResponse.Ok(new System.Text.Json.Nodes.JsonArray());

    private static Probe WithHeader() => new(new ProbeSettings { Headers = [new("X-Gateway-Key", "gateway-secret-1")] });

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task A_redirect_within_the_origin_is_followed_and_recorded(int status)
    {
        using var server = ReferenceServer.Start((_, path, _) => path == "/old/services" ? Moved(status, "/new/services?page=1") : Served);
        using var probe = WithHeader();
        var exchange = await probe.GetAsync("GET /services", "fetch", new Uri($"{server.Url}/old/services"), anonymous: false, CancellationToken.None);
        Assert.That(exchange.Status, Is.EqualTo(200), "the final answer is the one judged");
        Assert.That(exchange.Redirects, Has.Count.EqualTo(1));
        Assert.That(exchange.Redirects[0].Status, Is.EqualTo(status));
        Assert.That(exchange.Redirects[0].Location, Is.EqualTo($"{server.Url}/new/services?page=1"), "a relative Location is resolved");
        Assert.That(exchange.Url, Is.EqualTo($"{server.Url}/old/services"), "the evidence starts where the harness asked");
        Assert.That(exchange.Curl(), Does.Contain(" -L"));
        Assert.That(server.Requests.Select(r => r.Headers.GetValueOrDefault("X-Gateway-Key")), Is.All.EqualTo("gateway-secret-1"),
            "the same origin gets the user's headers on every hop");
        Assert.That(probe.RequestsSent, Is.EqualTo(2));
    }

    [Test]
    public async Task A_redirect_to_another_origin_is_not_followed_and_says_why()
    {
        using var elsewhere = ReferenceServer.Start((_, _, _) => Served);
        using var server = ReferenceServer.Start((_, _, _) => Moved(302, $"{elsewhere.Url}/services"));
        using var probe = WithHeader();
        var exchange = await probe.GetAsync("GET /services", "fetch", new Uri($"{server.Url}/services"), anonymous: false, CancellationToken.None);
        Assert.That(exchange.Status, Is.EqualTo(302));
        Assert.That(exchange.Redirects, Is.Empty);
        Assert.That(exchange.RedirectNotFollowed, Does.Contain(elsewhere.Url).And.Contain("another origin"));
        Assert.That(elsewhere.Requests, Is.Empty, "nothing, least of all the user's headers, goes to another origin");
    }

    [Test]
    public async Task Another_scheme_or_port_is_another_origin()
    {
        using var server = ReferenceServer.Start((_, _, _) => Moved(301, "https://127.0.0.1/services"));
        using var probe = new Probe(new ProbeSettings());
        var exchange = await probe.GetAsync("GET /services", "fetch", new Uri($"{server.Url}/services"), anonymous: true, CancellationToken.None);
        Assert.That(exchange.RedirectNotFollowed, Does.Contain("https://127.0.0.1/services"));
    }

    [Test]
    public async Task At_most_three_redirects_are_followed()
    {
        using var server = ReferenceServer.Start((_, path, _) => Moved(302, path + "/again"));
        using var probe = new Probe(new ProbeSettings());
        var exchange = await probe.GetAsync("GET /services", "fetch", new Uri($"{server.Url}/services"), anonymous: true, CancellationToken.None);
        Assert.That(exchange.Status, Is.EqualTo(302));
        Assert.That(exchange.Redirects, Has.Count.EqualTo(3));
        Assert.That(exchange.RedirectNotFollowed, Does.Contain("3 redirects"));
        Assert.That(server.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task A_write_is_never_sent_again_to_where_it_is_redirected()
    {
        using var server = ReferenceServer.Start((method, path, _) => path == "/requests.xml" ? Moved(307, "/v2/requests.xml") : Served);
        using var probe = new Probe(new ProbeSettings());
        var exchange = await probe.GetAsync("POST /requests.xml", "write", new Uri($"{server.Url}/requests.xml"), anonymous: true, CancellationToken.None,
            form: [new("service_code", "pothole")]);
        Assert.That(exchange.Status, Is.EqualTo(307));
        Assert.That(exchange.Redirects, Is.Empty);
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_query_api_key_is_sent_to_the_same_origin_once_per_request()
    {
        // The server echoes the key in its Location: it is neither sent twice nor written into the evidence.
        using var server = ReferenceServer.Start((_, path, _) => path == "/services" ? Moved(301, "/v2/services?api_key=query-secret-1") : Served);
        using var probe = new Probe(new ProbeSettings { Credentials = new ProbeCredentials([], new("api_key", "query-secret-1")) });
        var exchange = await probe.GetAsync("GET /services", "fetch", new Uri($"{server.Url}/services"), anonymous: false, CancellationToken.None);
        Assert.That(exchange.Status, Is.EqualTo(200));
        Assert.That(server.Requests.Select(r => r.Url), Is.All.Contains("api_key=query-secret-1").And.All.Not.Contains("api_key=query-secret-1&api_key"));
        Assert.That(exchange.Redirects[0].Location, Does.Not.Contain("query-secret-1"), "evidence never holds a secret");
    }

    [TestCase("http://api.example/services", "http://api.example/v2/services", true)]
    [TestCase("http://api.example/services", "https://api.example/services", true)] // the same host, now encrypted
    [TestCase("https://api.example/services", "http://api.example/services", false)] // never down to clear text
    [TestCase("http://api.example:8080/services", "https://api.example/services", false)]
    [TestCase("http://api.example/services", "http://other.example/services", false)]
    [TestCase("http://api.example/services", "http://api.example:81/services", false)]
    public void A_redirect_is_followed_only_within_the_origin_or_up_to_https_on_the_same_host(string given, string next, bool follows) =>
        Assert.That(Conformance.Http.Probe.MayFollow(new Uri(next), new Uri(given)), Is.EqualTo(follows));
}
