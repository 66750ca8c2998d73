using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>The harness cannot harm the service it tests: its rate cap holds, and it waits when asked to.</summary>
public class PolitenessTests
{
    private static Handler Oruk() =>
        new OpenReferralService(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"))).Handle;

    private static Task<RunResult> Run(ReferenceServer server, ProbeSettings probe) =>
        ConformanceRun.ExecuteAsync(new RunRequest { StandardId = "oruk-3.0", Target = new Uri(server.Url), Probe = probe },
            ConformanceRun.DefaultCatalogue());

    [Test]
    public async Task No_second_holds_more_requests_than_the_rate_allows()
    {
        using var server = ReferenceServer.Start(Oruk());
        var result = await Run(server, new ProbeSettings { RequestsPerSecond = 5 });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        var times = server.Requests.Select(r => r.Received).Order().ToList();
        Assert.That(times, Has.Count.EqualTo(result.RequestsSent).And.Count.GreaterThan(15));
        // Every span of requests, measured where the server received them (Pacing: the rate, less one allowance for noise).
        Assert.That(Pacing.Breach(times, 5), Is.Null);
        Assert.That(Pacing.Breach(times, 2.5), Is.Not.Null, "the same requests would break a rate of half this one: the measure sees a sender twice too fast");
    }

    [Test]
    public async Task Retry_after_is_honoured_and_the_wait_is_reported()
    {
        var oruk = Oruk();
        var refused = 0;
        using var server = ReferenceServer.Start((method, path, query) =>
            path == "/services" && Interlocked.Increment(ref refused) == 1
                ? ReferenceResponse.Error(429, "Slow down.") with { Headers = new Dictionary<string, string?> { ["Retry-After"] = "1" } }
                : oruk(method, path, query));
        var result = await Run(server, new ProbeSettings());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), "a throttled request that succeeds after waiting is no fault");
        Assert.That(result.Waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        var first = server.Requests.Where(r => r.Url.Contains("/services?page=1")).Select(r => r.Received).Take(2).ToList();
        Assert.That(first[1] - first[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "the second try waited for Retry-After");
    }

    [Test]
    public async Task A_wait_longer_than_the_harness_honours_is_throttling_not_a_failure()
    {
        var oruk = Oruk();
        using var server = ReferenceServer.Start((method, path, query) => path == "/taxonomies"
            ? ReferenceResponse.Error(503, "Busy.") with { Headers = new Dictionary<string, string?> { ["Retry-After"] = "3600" } }
            : oruk(method, path, query));
        var result = await Run(server, new ProbeSettings());
        Assert.That(result.Results.Where(r => r.Operation == "GET /taxonomies").Select(r => r.Outcome), Has.None.EqualTo(Outcome.Fail).And.None.EqualTo(Outcome.Warning));
        Assert.That(result.Results.Single(r => r.Operation == "GET /taxonomies" && r.Check == "endpoint-answers").Message, Does.Contain("throttled"));
        Assert.That(result.Waited, Is.EqualTo(TimeSpan.Zero), "an hour is not waited for");
    }
}
