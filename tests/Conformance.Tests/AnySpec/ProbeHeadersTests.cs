using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Reference;

namespace Conformance.Tests.AnySpec;

/// <summary>One header of a name on the wire; the user's replaces the harness's own; only what may carry a credential is masked.</summary>
public class ProbeHeadersTests
{
    [Test]
    public async Task The_users_header_replaces_the_harness_own_and_only_secret_ones_are_masked()
    {
        using var server = ReferenceServer.Start((_, _, _) => ReferenceResponse.Ok(new JsonObject()));
        using var probe = new Probe(new ProbeSettings
        {
            Headers = [new("Accept", "application/hal+json"), new("x-v", "2"), new("X-Token", "s3cret-value")],
            PlainHeaders = new HashSet<string>(["x-v"], StringComparer.OrdinalIgnoreCase),
        });
        var exchange = await probe.GetAsync("GET /a", "fetch", new Uri($"{server.Url}/a"), anonymous: false, CancellationToken.None,
            accept: "application/json, */*;q=0.1", parameters: [new("x-v", "1"), new("x-fapi-id", "abc")]);
        var received = server.Requests.Single().Headers;
        Assert.That(received["Accept"], Is.EqualTo("application/hal+json"));
        Assert.That(received["x-v"], Is.EqualTo("2"), "the user's header wins over the operation's value");
        Assert.That(received["x-fapi-id"], Is.EqualTo("abc"));
        Assert.That(received["User-Agent"], Is.EqualTo(Probe.UserAgent));
        Assert.That(exchange.RequestHeaders.Select(h => $"{h.Key}: {h.Value}"),
            Is.EquivalentTo(new[] { "Accept: application/hal+json", "x-v: 2", "x-fapi-id: abc", "X-Token: ***", "Origin: https://conformance.invalid" }));
        Assert.That(probe.Secrets, Is.EqualTo(new[] { "s3cret-value" }));
        Assert.That(probe.Credentialed, Is.True);

        var anonymous = await probe.GetAsync("GET /a", "without credentials", new Uri($"{server.Url}/a"), anonymous: true, CancellationToken.None);
        Assert.That(anonymous.RequestHeaders.Select(h => h.Key), Does.Contain("Accept").And.Not.Contain("X-Token"), "plain headers go without credentials too");
    }

    [Test]
    public void Plain_headers_alone_are_no_credentials()
    {
        using var probe = new Probe(new ProbeSettings { Headers = [new("Accept", "text/csv"), new("User-Agent", "council/1")] });
        Assert.That(probe.Credentialed, Is.False);
        Assert.That(probe.Secrets, Is.Empty);
    }
}
