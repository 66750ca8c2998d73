using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reference.Parking;

namespace Conformance.Tests.Http;

/// <summary>
/// What the parking checks ask of the probe: JSON written with PUT (sent once, never again on a 401), a token the
/// run's OAuth2 client asks for another scope (its tokens masked with the run's), and headers of a check's own.
/// </summary>
public class ProbeWritesAndScopesTests
{
    private static readonly OAuth2Server.Client Admin = new("admin", "admin-secret", new HashSet<string> { "po", "ep" });

    /// <summary>A gate that lets PUT /things/1 through with po only, and records each request it lets through.</summary>
    private static ReferenceServer Gate(List<ReferenceRequest> through)
    {
        var document = JsonNode.Parse("""
            {"paths": {"/things/{id}": {"get": {"security": [{"oAuth": ["po"]}, {"oAuth": ["ep"]}]}, "put": {"security": [{"oAuth": ["po"]}]}}}}
            """)!;
        return ReferenceServer.Start(new OAuth2Server([Admin], document).Guard(request =>
        {
            lock (through) through.Add(request);
            return ReferenceResponse.Ok(new JsonObject { ["status"] = "ok" });
        }));
    }

    private static Probe ProbeOf(ReferenceServer server) => new(new ProbeSettings
    {
        Credentials = new ProbeCredentials([], null, new OAuth2ClientCredentials(new Uri(server.Url + OAuth2Server.TokenPath), "admin", "admin-secret", null, TimeSpan.FromSeconds(10))),
    });

    [Test]
    public async Task Json_is_put_once_with_its_body_and_shown_as_sent()
    {
        var through = new List<ReferenceRequest>();
        using var server = Gate(through);
        using var probe = ProbeOf(server);
        var answer = await probe.GetAsync("PUT /things/{id}", "update", new Uri(server.Url + "/things/1"), false, CancellationToken.None,
            write: new JsonWrite("PUT", """{"id":"1","version":2}"""));
        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That((answer.Method, System.Text.Encoding.UTF8.GetString(answer.RequestBody!)), Is.EqualTo(("PUT", """{"id":"1","version":2}""")));
        Assert.That(through.Single().Method, Is.EqualTo("PUT"));
        Assert.That(JsonNode.Parse(through.Single().Body!)!["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_token_of_another_scope_is_asked_for_and_masked_with_the_runs()
    {
        var through = new List<ReferenceRequest>();
        using var server = Gate(through);
        using var probe = ProbeOf(server);
        var refused = await probe.GetAsync("PUT /things/{id}", "update", new Uri(server.Url + "/things/1"), false, CancellationToken.None,
            write: new JsonWrite("PUT", "{}"), scope: "ep");
        Assert.That(refused.Status, Is.EqualTo(403), "a token of scope ep may not put");
        Assert.That(server.Requests.Count(r => r.Url.EndsWith(OAuth2Server.TokenPath)), Is.EqualTo(1), "a 403 is not a lapsed token: no token is fetched again");
        var read = await probe.GetAsync("GET /things/{id}", "read", new Uri(server.Url + "/things/1"), false, CancellationToken.None);
        Assert.That(read.Status, Is.EqualTo(200), "the run's own token, of every scope the client holds");
        Assert.That(probe.Secrets.Count(s => s.Length > 20), Is.EqualTo(2), "both tokens are secrets");
        var unknown = await probe.GetAsync("GET /things/{id}", "read", new Uri(server.Url + "/things/1"), false, CancellationToken.None, scope: "ad");
        Assert.That(unknown.TransportError, Does.StartWith(Probe.NoScopedToken), "the client may not hold ad: no token, nothing sent");
        Assert.That(unknown.TransportError, Does.Not.StartWith(Probe.NoToken), "the run's own token is not at fault: the run goes on");
    }

    [Test]
    public async Task A_checks_own_header_goes_with_a_request_sent_without_credentials()
    {
        var through = new List<ReferenceRequest>();
        using var server = Gate(through);
        using var probe = ProbeOf(server);
        var forged = await probe.GetAsync("GET /things/{id}", "forged", new Uri(server.Url + "/things/1"), anonymous: true, CancellationToken.None,
            parameters: [new("Authorization", "Bearer not-issued")]);
        Assert.That(forged.Status, Is.EqualTo(401));
        Assert.That(forged.RequestHeaders.Single(h => h.Key == "Authorization").Value, Is.EqualTo(Redaction.Masked), "a token is never shown");
        Assert.That(server.Requests.Count(r => r.Url.EndsWith(OAuth2Server.TokenPath)), Is.Zero, "sent without the run's credentials: no token asked for");
    }
}
