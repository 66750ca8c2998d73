using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Parking;

namespace Conformance.Tests.Reference.Parking;

/// <summary>
/// The NPP reference's OAuth2 client credentials: tokens for registered clients within their scopes, 401 without a
/// token or with one it did not issue or that expired, 403 where the token holds no scope set the operation declares.
/// </summary>
public class OAuth2ServerTests
{
    private static string Standard => Path.Combine(Fixtures.RepositoryRoot(), "standards", "npp-1.0");

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.Parse("2026-05-01T09:00:00Z");
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();
    private RequestHandler _server = null!;

    [SetUp]
    public void Start()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Standard, "openapi.json")))!;
        var platform = new ParkingService(ParkingData.Load(Path.Combine(Standard, "reference")), _clock);
        _server = new OAuth2Server(OAuth2Server.LoadClients(Path.Combine(Standard, "reference", "clients.json")), document, _clock).Guard(platform.Handle);
    }

    private ReferenceResponse Send(string method, string path, string? bearer = null, string? body = null, string? basic = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (bearer is not null) headers["Authorization"] = $"Bearer {bearer}";
        if (basic is not null) headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(basic));
        return _server(new ReferenceRequest(method, path, new Dictionary<string, string>(), headers, body));
    }

    private string Token(string client, string secret, string? scope = null)
    {
        var answer = Send("POST", "/auth", body: "grant_type=client_credentials" + (scope is null ? "" : $"&scope={Uri.EscapeDataString(scope)}"), basic: $"{client}:{secret}");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Render());
        Assert.That(answer.Body!["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        return answer.Body!["access_token"]!.GetValue<string>();
    }

    [Test]
    public void A_registered_client_gets_a_token_within_its_scopes_and_nothing_else_does()
    {
        var answer = Send("POST", "/auth", body: "grant_type=client_credentials", basic: "civic-enforcement:demo-only-not-a-secret-ep");
        Assert.That(answer.Body!["scope"]!.GetValue<string>(), Is.EqualTo("ep"));
        Assert.That(answer.Body!["expires_in"]!.GetValue<int>(), Is.EqualTo(3600));
        Assert.That(Send("POST", "/auth", body: "grant_type=client_credentials", basic: "civic-enforcement:wrong").Status, Is.EqualTo(401));
        Assert.That(Send("POST", "/auth", body: "grant_type=client_credentials&scope=po", basic: "civic-enforcement:demo-only-not-a-secret-ep").Body!["error"]!.GetValue<string>(),
            Is.EqualTo("invalid_scope"));
        Assert.That(Send("POST", "/auth", body: "grant_type=password", basic: "civic-enforcement:demo-only-not-a-secret-ep").Status, Is.EqualTo(400));
        Assert.That(Send("POST", "/auth", body: "grant_type=client_credentials&client_id=civic-enforcement&client_secret=demo-only-not-a-secret-ep").Status,
            Is.EqualTo(200), "the client may also authenticate in the form");
    }

    [Test]
    public void Without_a_token_or_with_one_not_issued_the_answer_is_401_with_a_challenge()
    {
        var none = Send("GET", "/places");
        Assert.That(none.Status, Is.EqualTo(401));
        Assert.That(none.Headers["WWW-Authenticate"], Does.StartWith("Bearer"));
        var forged = Send("GET", "/places", bearer: "not-a-token-it-issued");
        Assert.That(forged.Status, Is.EqualTo(401));
        Assert.That(forged.Headers["WWW-Authenticate"], Does.Contain("invalid_token"));
        Assert.That(Send("GET", "/places/hb-cp-quayside").Status, Is.EqualTo(401), "items too");
    }

    [Test]
    public void A_token_expires()
    {
        var token = Token("civic-enforcement", "demo-only-not-a-secret-ep");
        Assert.That(Send("GET", "/rights/assigned", token).Status, Is.EqualTo(200));
        _clock.Now += OAuth2Server.TokenLife;
        Assert.That(Send("GET", "/rights/assigned", token).Status, Is.EqualTo(401));
    }

    [Test]
    public void A_read_is_open_to_any_role_and_a_write_only_to_the_role_the_operation_declares()
    {
        var enforcement = Token("civic-enforcement", "demo-only-not-a-secret-ep");
        var operatorToken = Token("quayside-parking-operator", "demo-only-not-a-secret-po");
        var provider = Token("parkpay-service-provider", "demo-only-not-a-secret-sp");
        foreach (var list in new[] { "/places", "/rights/specs", "/rates", "/rights/assigned", "/sessions" })
            Assert.That(Send("GET", list, enforcement).Status, Is.EqualTo(200), list);

        var place = """{"id": "hb-cp-new", "version": 1, "type": "parkingPlace", "layer": 1, "name": [{"language": "en", "string": "New"}], "hierarchyElementRecord": {"creationTime": "2026-05-01T09:00:00Z"}}""";
        var refused = Send("POST", "/places", enforcement, place);
        Assert.That(refused.Status, Is.EqualTo(403));
        Assert.That(refused.Headers["WWW-Authenticate"], Does.Contain("insufficient_scope"));
        Assert.That(Send("POST", "/places", provider, place).Status, Is.EqualTo(403), "places are written by operators (po)");
        Assert.That(Send("POST", "/places", operatorToken, place).Status, Is.EqualTo(201));
        Assert.That(Send("DELETE", "/sessions/se-0001", operatorToken).Status, Is.EqualTo(403), "sessions are written by service providers (sp)");
        Assert.That(Send("DELETE", "/sessions/se-0001", provider).Status, Is.EqualTo(200));
    }

    [Test]
    public void A_token_asked_for_fewer_scopes_holds_only_those()
    {
        var admin = Token("harbourside-council-admin", "demo-only-not-a-secret-admin", scope: "ep");
        Assert.That(Send("GET", "/sessions", admin).Status, Is.EqualTo(200));
        Assert.That(Send("DELETE", "/sessions/se-0001", admin).Status, Is.EqualTo(403));
    }
}
