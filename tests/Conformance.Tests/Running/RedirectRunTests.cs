using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.Tests.Running;

/// <summary>Redirects over a whole run: within the origin they are followed and warned about; elsewhere nobody is blamed.</summary>
public class RedirectRunTests
{
    private static readonly Handler Reference =
        new OpenReferralService(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"))).Handle;

    private static ReferenceResponse Moved(int status, string location) =>
        new(status, null) { Headers = new Dictionary<string, string?> { ["Location"] = location } };

    private static async Task<RunResult> RunAsync(Uri target)
    {
        using var probe = new Probe(new ProbeSettings());
        return await new Runner(probe, new RunOptions()).RunAsync(Fixtures.Spec, Fixtures.Profile, target);
    }

    [Test]
    public async Task An_api_moved_within_its_origin_is_judged_at_its_new_address_and_warned_about()
    {
        using var server = ReferenceServer.Start((method, path, query) => path.StartsWith("/old", StringComparison.Ordinal)
            ? Moved(308, path["/old".Length..] + (query.Count == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"))))
            : Reference(method, path, query));
        var result = await RunAsync(new Uri(server.Url + "/old"));
        var blamed = result.Results.Where(r => r.Outcome is not (Outcome.Pass or Outcome.Skipped or Outcome.Info)).ToList();
        Assert.That(blamed.Select(r => r.Check).Distinct().ToList(), Is.EqualTo(new[] { "no-redirect" }),
            string.Join("\n", blamed.Select(r => $"{r.Check} {r.Operation}: {r.Message}")));
        Assert.That(blamed.Select(r => r.Outcome), Is.All.EqualTo(Outcome.Warning), "a SHOULD: the final answers conform");
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings));
        Assert.That(blamed[0].Message, Does.Contain("308 →"));
    }

    [Test]
    public async Task Lookups_redirected_to_another_origin_are_not_judged_and_not_blamed()
    {
        using var elsewhere = ReferenceServer.Start((_, _, _) => ReferenceResponse.Error(404, "never asked"));
        using var server = ReferenceServer.Start((method, path, query) => path.StartsWith("/services/", StringComparison.Ordinal)
            ? Moved(302, elsewhere.Url + path) : Reference(method, path, query));
        var result = await RunAsync(new Uri(server.Url));
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Fail), Is.Empty,
            string.Join("\n", result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => $"{r.Check} {r.Operation}: {r.Message}")));
        var lookups = result.Results.Single(r => r is { Check: "id-resolves", Operation: "GET /services/{id}" });
        Assert.That(lookups.Outcome, Is.EqualTo(Outcome.Error));
        Assert.That(lookups.Message, Does.Contain("another origin"));
        Assert.That(elsewhere.Requests, Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Error), "a required endpoint the harness could not judge");
    }
}
