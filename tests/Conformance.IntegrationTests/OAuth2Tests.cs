using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using System.Text;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reports;
using Conformance.Running;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;
using WireMock;

namespace Conformance.IntegrationTests;

/// <summary>
/// OAuth2 client credentials against a WireMock authorisation server whose tokens live two seconds: the
/// harness fetches a token, sends it as a bearer token, fetches a new one before the old expires, and no
/// report holds the client secret or any token.
/// </summary>
public class OAuth2Tests
{
    private const string ClientId = "harness";
    private const string ClientSecret = "s3cret-client-value";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    [Test]
    public async Task Tokens_are_fetched_sent_and_refreshed_before_they_expire()
    {
        var issued = new ConcurrentDictionary<string, DateTime>();
        var expiredSeen = 0;
        var oruk = new OpenReferralService(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference")));
        var port = FreePort();
        using var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        server.Given(Request.Create().WithPath("/token").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
            if (request.Headers?["Authorization"].FirstOrDefault() != basic || request.Body?.Contains("grant_type=client_credentials") != true)
                return Json(401, """{"error":"invalid_client"}""");
            var token = $"token-{Guid.NewGuid():N}";
            issued[token] = DateTime.UtcNow;
            return Json(200, $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{Lifetime.TotalSeconds}}}""");
        }));
        server.Given(Request.Create().WithPath(p => p != "/token").UsingGet()).RespondWith(Response.Create().WithCallback(request =>
        {
            var bearer = request.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() : null;
            // Anonymous requests are served (the standard is open); a bearer token must be one issued and unexpired.
            if (bearer is not null && !(bearer.StartsWith("Bearer ") && issued.TryGetValue(bearer[7..], out var at) && DateTime.UtcNow - at < Lifetime))
            {
                Interlocked.Increment(ref expiredSeen);
                return Json(401, """{"error":"invalid_token"}""");
            }
            var query = (request.Query ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "");
            var answer = oruk.Handle("GET", request.Path, query);
            var message = Json(answer.Status, answer.Render() ?? "");
            message.AddHeader("Access-Control-Allow-Origin", "*");
            return message;
        }));

        var oauth = new OAuth2ClientCredentials(new Uri($"http://127.0.0.1:{port}/token"), ClientId, ClientSecret, "read", TimeSpan.FromSeconds(5));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "oruk-3.0",
            Target = new Uri($"http://127.0.0.1:{port}"),
            Probe = new ProbeSettings { Credentials = new ProbeCredentials([], null, oauth), RequestsPerSecond = 12 },
        }, ConformanceRun.DefaultCatalogue());

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), string.Join("\n", result.Results.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Check} {r.Operation}: {r.Message}")));
        Assert.That(expiredSeen, Is.Zero, "no request carried an expired or unknown token");
        Assert.That(oauth.TokensFetched, Is.GreaterThanOrEqualTo(2), "a run longer than a token's life fetched a new one in time");
        var report = JsonReport.Build(result).ToJsonString();
        Assert.That(report, Does.Not.Contain(ClientSecret));
        foreach (var token in issued.Keys) Assert.That(report, Does.Not.Contain(token));
    }

    [Test]
    public async Task A_token_endpoint_that_refuses_leaves_the_run_untested_not_failed()
    {
        var port = FreePort();
        using var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        server.Given(Request.Create().WithPath("/token")).RespondWith(Response.Create().WithStatusCode(401));
        var oauth = new OAuth2ClientCredentials(new Uri($"http://127.0.0.1:{port}/token"), ClientId, "wrong", null, TimeSpan.FromSeconds(5));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "oruk-3.0", Target = new Uri($"http://127.0.0.1:{port}"),
            Probe = new ProbeSettings { Credentials = new ProbeCredentials([], null, oauth) },
        }, ConformanceRun.DefaultCatalogue());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Error));
        Assert.That(result.Aborted, Does.Contain("no OAuth2 token"));
    }

    [TestCase("{\"access_token\": 12345, \"expires_in\": 60}")]
    [TestCase("{\"access_token\": \"t\", \"expires_in\": 1e300}")]
    [TestCase("{\"access_token\": \"t\", \"expires_in\": \"4e11\"}")]
    [TestCase("not json")]
    public async Task A_strange_token_answer_never_ends_the_run_with_an_exception(string body)
    {
        var port = FreePort();
        using var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        server.Given(Request.Create().WithPath("/token")).RespondWith(Response.Create().WithCallback(_ => Json(200, body)));
        var oauth = new OAuth2ClientCredentials(new Uri($"http://127.0.0.1:{port}/token"), ClientId, ClientSecret, null, TimeSpan.FromSeconds(5));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "oruk-3.0", Target = new Uri($"http://127.0.0.1:{port}"),
            Probe = new ProbeSettings { Credentials = new ProbeCredentials([], null, oauth) },
        }, ConformanceRun.DefaultCatalogue());
        Assert.That(result.Verdict, Is.AnyOf(Verdict.Error, Verdict.Fail, Verdict.PassWithWarnings, Verdict.Pass), "a verdict, not an exception");
    }

    [Test]
    public async Task A_token_holding_a_line_break_is_never_sent_and_the_run_is_untested_not_passed()
    {
        var port = FreePort();
        using var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        server.Given(Request.Create().WithPath("/token")).RespondWith(Response.Create().WithCallback(_ =>
            Json(200, "{\"access_token\": \"t0ken-part\\r\\nX-Injected: yes\", \"expires_in\": 60}")));
        var oauth = new OAuth2ClientCredentials(new Uri($"http://127.0.0.1:{port}/token"), ClientId, ClientSecret, null, TimeSpan.FromSeconds(5));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "oruk-3.0", Target = new Uri($"http://127.0.0.1:{port}"),
            Probe = new ProbeSettings { Credentials = new ProbeCredentials([], null, oauth) },
        }, ConformanceRun.DefaultCatalogue());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Error));
        Assert.That(result.Aborted, Does.Contain("control character").And.Not.Contain("t0ken-part"));
        Assert.That(server.LogEntries.Where(e => e.RequestMessage?.Path != "/token").Select(e => e.RequestMessage?.Headers?.ContainsKey("Authorization")),
            Has.None.True, "no request to the API carried the token");
    }

    private static ResponseMessage Json(int status, string body)
    {
        var message = new ResponseMessage { StatusCode = status };
        message.AddHeader("Content-Type", "application/json");
        message.BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        return message;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
