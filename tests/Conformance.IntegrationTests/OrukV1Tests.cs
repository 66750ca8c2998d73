using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>ORUK 1.0 feeds, the ones --standard auto falls back to: judged by their own rules, and as they are published in the wild.</summary>
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
    public static ReferenceResponse Feed(string method, string path, IReadOnlyDictionary<string, string> query, int firstNumber = 1) =>
        Feed(path, query, new FeedShape(FirstNumber: firstNumber));

    /// <summary>
    /// How a v1 feed is published: the field its records are under, whether its page parameter counts from 0
    /// (Spring's default, the page's number then being the index asked for), and its services.
    /// </summary>
    public sealed record FeedShape(string Records = "contents", bool ZeroBased = false, int FirstNumber = 1, JsonObject[]? Services = null);

    public static ReferenceResponse Feed(string path, IReadOnlyDictionary<string, string> query, FeedShape shape)
    {
        var services = shape.Services ?? Services;
        if (path == "/services")
        {
            var origin = shape.ZeroBased ? 0 : 1;
            var page = int.Parse(query.GetValueOrDefault("page", origin.ToString()));
            var position = page - origin; // 0 for the first page
            var records = services.Skip(position * 2).Take(2).Select(s => (JsonNode)s.DeepClone()).ToArray();
            var totalPages = (services.Length + 1) / 2;
            return ReferenceResponse.Ok(new JsonObject
            {
                ["totalElements"] = services.Length, ["totalPages"] = totalPages,
                ["number"] = shape.ZeroBased ? page : page - 1 + shape.FirstNumber, ["size"] = records.Length,
                ["first"] = position == 0, ["last"] = position == totalPages - 1, ["empty"] = records.Length == 0,
                [shape.Records] = new JsonArray(records),
            });
        }
        if (path.StartsWith("/services/") && services.FirstOrDefault(s => s["id"]!.ToString() == path[10..]) is { } service)
            return ReferenceResponse.Ok(service.DeepClone());
        return ReferenceResponse.Error(404, "not found");
    }

    private static async Task<RunResult> Run(Handler handler)
    {
        using var server = ReferenceServer.Start(handler);
        return await ConformanceRun.ExecuteAsync(new RunRequest { StandardId = "oruk-1.0", Target = new Uri(server.Url) }, ConformanceRun.DefaultCatalogue());
    }

    private static CheckResult Result(RunResult result, string check, string operation) =>
        result.Results.Single(r => r.Check == check && r.Operation == operation);

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

    [Test]
    public async Task A_feed_with_its_records_under_content_passes_with_its_records_validated_and_looked_up()
    {
        var result = await Run((_, p, q) => Feed(p, q, new FeedShape(Records: "content")));
        Assert.That(result.Results.Where(r => r.Tier == Conformance.Standards.Tier.Required && r.Outcome != Outcome.Pass).Select(r => $"{r.Check} {r.Operation}: {r.Message}"), Is.Empty);
        Assert.That(Result(result, "id-resolves", "GET /services/{id}").Message, Does.Contain("3 listed id(s) resolved"), "ids found under content are looked up");
        Assert.That(Result(result, "ids-unique", "GET /services").Message, Does.StartWith("5 record(s)"));
        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.Contains("ORUK-1.0-E1").And.Some.Contains("Schemas/V1.0-UK/service_list.json"));
        Assert.That(result.Notes, Has.Some.Contains("keeps its records under 'content'"));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings), "its optional endpoints are absent (404): warnings");
    }

    [Test]
    public async Task A_bad_record_under_content_is_caught_by_the_schema()
    {
        var services = Services.Select(s => (JsonObject)s.DeepClone()).ToArray();
        services[4]["name"] = 42; // on the last page only
        var result = await Run((_, p, q) => p == "/services" ? Feed(p, q, new FeedShape(Records: "content", Services: services)) : Feed(p, q, new FeedShape()));
        var schema = Result(result, "response-schema", "GET /services");
        Assert.That(schema.Outcome, Is.EqualTo(Outcome.Warning), "ORUK-1.0/schema is a SHOULD");
        Assert.That(schema.Message, Does.StartWith("name must be text; found 42 (in 1 of 5 records)"));
        Assert.That(schema.Details, Has.Some.Contains("at /content/0/name"));
    }

    [Test]
    public async Task A_feed_under_content_whose_services_by_id_answer_500_fails()
    {
        var result = await Run((_, p, q) => p.StartsWith("/services/") ? ReferenceResponse.Error(500, "Internal error.") : Feed(p, q, new FeedShape(Records: "content")));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(Result(result, "no-server-error", "GET /services/{id}").Outcome, Is.EqualTo(Outcome.Fail), "the ids were found under content and looked up");
    }

    [Test]
    public async Task A_feed_counting_pages_from_zero_has_its_first_page_fetched_and_sampled()
    {
        var pages = new ConcurrentQueue<string>();
        var lookups = new ConcurrentQueue<string>();
        var result = await Run((_, p, q) =>
        {
            if (p == "/services") pages.Enqueue(q.GetValueOrDefault("page", "(none)"));
            else if (p.StartsWith("/services/")) lookups.Enqueue(p[10..]);
            return Feed(p, q, new FeedShape(Records: "content", ZeroBased: true));
        });
        Assert.That(pages, Does.Contain("0"));
        Assert.That(pages, Does.Contain("2"), "the last page, counted from 0");
        Assert.That(pages, Does.Not.Contain("3"), "no page after the last is asked for as a sample");
        Assert.That(result.Notes, Has.Some.Contains("GET /services counts its pages from 0"));
        Assert.That(Result(result, "ids-unique", "GET /services").Message, Does.StartWith("5 record(s)"), "the first page's records are among those judged");
        Assert.That(lookups, Does.Contain(Services[0]["id"]!.ToString()), "a record of page 0 is looked up");
        var envelope = Result(result, "pagination-envelope", "GET /services");
        Assert.That(envelope.Outcome, Is.EqualTo(Outcome.Warning));
        Assert.That(envelope.Message, Is.EqualTo("pages are counted from 0: page 1 says first=false and page 0 is the first, but page numbers start at 1"),
            "judged by its own numbering, the envelope is otherwise consistent");
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings));
    }

    [Test]
    public async Task A_feed_whose_page_1_wrongly_says_it_is_not_the_first_is_sampled_from_page_1()
    {
        // Counting from 1, but first=false everywhere: page 0 is asked for, refused, and left out of the judging.
        var result = await Run((_, p, q) =>
        {
            if (p != "/services") return Feed(p, q, new FeedShape());
            if (q.GetValueOrDefault("page") == "0") return ReferenceResponse.Error(400, "Pages start at 1.");
            var answer = Feed(p, q, new FeedShape());
            answer.Body!["first"] = false;
            return answer;
        });
        Assert.That(result.Notes, Has.Some.Contains("pages were sampled from 1"));
        var envelope = Result(result, "pagination-envelope", "GET /services");
        Assert.That(envelope.Message, Does.Contain("first is false on page 1"));
        Assert.That(Result(result, "status-code-documented", "GET /services").Outcome, Is.EqualTo(Outcome.Pass), "the refused page 0 is no one else's finding");
        Assert.That(Result(result, "id-resolves", "GET /services/{id}").Outcome, Is.EqualTo(Outcome.Pass));
    }

    [Test]
    public async Task An_id_on_two_pages_warns_through_ids_unique_when_fetched_again()
    {
        var services = Services.Select(s => (JsonObject)s.DeepClone()).ToArray();
        services[2]["id"] = services[1]["id"]!.DeepClone(); // the last of page 1 is the first of page 2
        var result = await Run((_, p, q) => Feed(p, q, new FeedShape(Services: services)));
        var unique = Result(result, "ids-unique", "GET /services");
        Assert.That(unique.Clause, Is.EqualTo("ORUK-1.0/unique-ids"));
        Assert.That(unique.Outcome, Is.EqualTo(Outcome.Warning));
        Assert.That(unique.Message, Is.EqualTo($"the same id is on two pages; found {services[1]["id"]} on page 1 and page 2"));
    }
}
