using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>ORUK 1.0 feeds, the ones --standard auto falls back to: judged by their own rules.</summary>
public class OrukV1Tests
{
    private static readonly JsonObject[] Services = Enumerable.Range(1, 5).Select(i => new JsonObject
    {
        ["id"] = $"5a1c0d2e-0000-4000-8000-00000000000{i}",
        ["name"] = $"Service {i}",
        ["status"] = "active",
        ["url"] = $"https://council.example/services/{i}",
        ["organization"] = new JsonObject { ["id"] = "5a1c0d2e-0000-4000-8000-0000000000aa", ["name"] = "Harbourside Council", ["description"] = "The council." },
    }).ToArray();

    /// <summary>A small v1 feed, 2 services a page; pages numbered from <paramref name="firstNumber"/> in "number".</summary>
    public static ReferenceResponse Feed(string method, string path, IReadOnlyDictionary<string, string> query, int firstNumber = 1)
    {
        if (path == "/services")
        {
            var page = int.Parse(query.GetValueOrDefault("page", "1"));
            var contents = Services.Skip((page - 1) * 2).Take(2).Select(s => (JsonNode)s.DeepClone()).ToArray();
            return ReferenceResponse.Ok(new JsonObject
            {
                ["totalElements"] = Services.Length, ["totalPages"] = 3, ["number"] = page - 1 + firstNumber, ["size"] = contents.Length,
                ["first"] = page == 1, ["last"] = page == 3, ["empty"] = contents.Length == 0, ["contents"] = new JsonArray(contents),
            });
        }
        if (path.StartsWith("/services/") && Services.FirstOrDefault(s => s["id"]!.ToString() == path[10..]) is { } service)
            return ReferenceResponse.Ok(service.DeepClone());
        return ReferenceResponse.Error(404, "not found");
    }

    private static async Task<RunResult> Run(Handler handler)
    {
        using var server = ReferenceServer.Start(handler);
        return await ConformanceRun.ExecuteAsync(new RunRequest { StandardId = "oruk-1.0", Target = new Uri(server.Url) }, ConformanceRun.DefaultCatalogue());
    }

    [Test]
    public async Task A_conforming_v1_feed_passes_its_required_endpoints()
    {
        var result = await Run((m, p, q) => Feed(m, p, q));
        Assert.That(result.Count(Outcome.Fail), Is.Zero, string.Join("\n", result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Message)));
        Assert.That(result.Results.Where(r => r.Tier == Conformance.Standards.Tier.Required && r.Outcome != Outcome.Pass).Select(r => $"{r.Check} {r.Operation}: {r.Message}"), Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings), "its optional endpoints are absent (404): warnings");
    }

    [Test]
    public async Task Spring_style_pages_counted_from_zero_only_warn()
    {
        var result = await Run((m, p, q) => Feed(m, p, q, firstNumber: 0));
        var pagination = result.Results.Single(r => r.Check == "pagination-envelope" && r.Operation == "GET /services");
        Assert.That(pagination.Outcome, Is.EqualTo(Outcome.Warning));
        Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Fail));
    }

    [Test]
    public async Task A_listed_service_that_does_not_resolve_fails()
    {
        var result = await Run((m, p, q) => p.StartsWith("/services/") ? ReferenceResponse.Error(404, "gone") : Feed(m, p, q));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(result.Results, Has.Some.Matches<CheckResult>(r => r!.Check == "id-resolves" && r.Clause == "ORUK-1.0/record-lookup" && r.Outcome == Outcome.Fail));
    }
}
