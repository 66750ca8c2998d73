using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.Tests.Running;

/// <summary>
/// A harvested list is judged page by page as it arrives: every record is still judged, but what is kept of the
/// pages after the first is their envelope and ids, so memory does not grow with the feed's records.
/// </summary>
public class StreamingTests
{
    private const int ServiceCount = 500; // 50 pages of 10

    [Test]
    public async Task A_harvest_judges_every_record_and_keeps_only_envelopes_and_ids()
    {
        using var server = StartFeed(Services());
        var result = await HarvestAsync(server.Url);

        // (The clones keep their nested records' ids, so only the services list is clean.)
        Assert.That(result.Results.Where(r => r.Operation == "GET /services" && r.Outcome != Outcome.Pass && r.Outcome != Outcome.Info)
            .Select(r => $"{r.Check}: {r.Message}"), Is.Empty);
        Assert.That(result.Coverage.Single(c => c.Operation == "GET /services").RecordsValidated, Is.EqualTo(ServiceCount));
        var pages = result.Exchanges.Where(e => e.Operation == "GET /services" && PageOf(e) is not null && !result.Owners.ContainsKey(e)).ToList();
        Assert.That(pages, Has.Count.EqualTo(50));
        // A page a finding cites (data-freshness tells of old records) is given back whole, as evidence; the rest stay cut down.
        var cited = result.Results.Select(r => r.Evidence).OfType<Exchange>().ToHashSet(ReferenceEqualityComparer.Instance);
        var later = pages.Skip(1).Where(p => !cited.Contains(p)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pages[0].ReducedFrom, Is.Null, "the first page is kept whole");
            Assert.That(later, Has.Count.GreaterThan(40));
            Assert.That(later.All(p => p.ReducedFrom is not null), "every later page was judged on arrival and cut down");
            var kept = later.Sum(p => p.Body.LongLength);
            var received = later.Sum(p => p.ReducedFrom!.Value);
            Assert.That(kept, Is.LessThan(received / 10), $"kept {kept} of {received} bytes");
            Assert.That(later[^1].Json.Node!["contents"]!.AsArray().Select(r => r!["id"]?.ToString()), Has.All.Not.Null, "ids are kept");
        });
    }

    [Test]
    public async Task A_fault_on_one_record_deep_in_the_feed_is_found_with_its_whole_page_as_evidence()
    {
        var services = Services();
        services[374]["name"] = null; // on page 38
        using var server = StartFeed(services);
        var result = await HarvestAsync(server.Url);

        var nulls = result.Results.Single(r => r.Check == "no-null-fields" && r.Operation == "GET /services");
        Assert.That(nulls.Outcome, Is.EqualTo(Outcome.Warning), "ORUK says SHOULD");
        Assert.That(nulls.Message, Does.Contain("in 1 of 500 records"));
        Assert.That(PageOf(nulls.Evidence!), Is.EqualTo(38));
        Assert.That(nulls.Evidence!.ReducedFrom, Is.Null, "the evidence is the page as received");
        Assert.That(nulls.Evidence.BodyText, Does.Contain(services[374]["id"]!.ToString()).And.Contain("\"name\":null"));
        Assert.That(result.Exchanges.Where(e => PageOf(e) == 38 && e.Operation == "GET /services" && !result.Owners.ContainsKey(e)).ToList(),
            Has.Count.EqualTo(1).And.All.SameAs(nulls.Evidence), "the run's record of that page is the page as received, once");
    }

    [Test]
    public async Task A_check_that_throws_on_a_page_is_set_apart_and_the_other_checks_see_every_page()
    {
        var counting = new Counting();
        var stream = new PageStream([(new ThrowingOnPageFive(), new Throwing()), (new RequiredFieldsCheck(), counting)],
            (_, page) => page with { JudgedOnArrival = true });
        for (var page = 1; page <= 8; page++)
            await stream.SendAsync(page, Fixtures.JsonExchange("/services", Fixtures.Page(page, 8, 8, Fixtures.Service($"s{page}"))).AskingFor(page: page), default);
        var kept = await stream.FinishAsync();

        Assert.That(stream.Failed["no-null-fields"].Message, Is.EqualTo("page five"));
        Assert.That(counting.Seen, Is.EqualTo(8), "a check's fault does not stop the others");
        Assert.That(kept.Select(k => k.Slot), Is.EquivalentTo(Enumerable.Range(1, 8)));
        Assert.That(kept.All(k => k.Kept.JudgedOnArrival));
    }

    [Test]
    public void A_page_skeleton_keeps_the_envelope_counts_and_ids_only()
    {
        var page = Fixtures.Page(2, 5, 50, Fixtures.Service("a"), Fixtures.Service("b"));
        var skeleton = PageSkeleton.Of(page, Fixtures.Profile.Pagination!, PageSkeleton.IdFieldsOf(Fixtures.Profile))!;
        Assert.That(skeleton.ToJsonString(), Is.EqualTo(
            page.Where(p => p.Key != "contents").Aggregate(new JsonObject(), (o, p) => { o[p.Key] = p.Value?.DeepClone(); return o; })
                .Apply(o => o["contents"] = JsonNode.Parse("""[{"id":"a"},{"id":"b"}]""")).ToJsonString()));
    }

    [Test]
    public void A_page_padded_with_large_values_keeps_only_their_kind()
    {
        var page = Fixtures.Page(2, 5, 50, Fixtures.Service("a"));
        page["padding"] = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)JsonValue.Create($"filler {i}")).ToArray());
        page["total_items"] = new JsonObject { ["huge"] = new string('x', 100_000) };
        page["contents"]!.AsArray().Add(JsonValue.Create(new string('y', 100_000)));
        var skeleton = PageSkeleton.Of(page, Fixtures.Profile.Pagination!, PageSkeleton.IdFieldsOf(Fixtures.Profile))!;
        Assert.That(skeleton.ToJsonString().Length, Is.LessThan(700), skeleton.ToJsonString());
        Assert.That((skeleton["padding"], skeleton["total_items"]), Is.EqualTo(((JsonNode)new JsonArray(), (JsonNode)new JsonObject())).Using<(JsonNode, JsonNode)>((a, b) =>
            JsonNode.DeepEquals(a.Item1, b.Item1) && JsonNode.DeepEquals(a.Item2, b.Item2)), "the kind of each value stays, so a wrong type is still told as such");
        Assert.That(skeleton["contents"]!.AsArray(), Has.Count.EqualTo(2), "the count of entries stays true");
    }

    /// <summary>Stands in for no-null-fields.</summary>
    private sealed class ThrowingOnPageFive : PageCheck
    {
        public override string Id => "no-null-fields";
        public override string Title => "throws";
        public override Judgement Begin(Conformance.Specs.SpecOperation operation, OperationRole role, CheckContext context) => new Throwing();
    }

    private sealed class Throwing : Judgement
    {
        public override void Observe(Exchange answer)
        {
            if (answer.Json.Node!["page_number"]!.GetValue<int>() == 5) throw new InvalidOperationException("page five");
        }
        public override IEnumerable<Finding> Finish(OperationRun run) => [];
    }

    private sealed class Counting : Judgement
    {
        public int Seen { get; private set; }
        public override void Observe(Exchange answer) => Seen++;
        public override IEnumerable<Finding> Finish(OperationRun run) => [];
    }

    /// <summary>The reference's services, cloned under new ids until there are enough.</summary>
    private static List<JsonObject> Services()
    {
        var data = ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"));
        return Enumerable.Range(0, ServiceCount).Select(i =>
        {
            var service = (JsonObject)data.Services[i % data.Services.Count].DeepClone();
            service["id"] = $"{Guid.NewGuid()}";
            return service;
        }).ToList();
    }

    private static ReferenceServer StartFeed(List<JsonObject> services)
    {
        var data = ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"));
        return ReferenceServer.Start(new OpenReferralService(new ReferenceData
        {
            Root = data.Root, Services = services, Taxonomies = data.Taxonomies, TaxonomyTerms = data.TaxonomyTerms,
        }).Handle);
    }

    private static async Task<RunResult> HarvestAsync(string url)
    {
        using var probe = new Probe(new ProbeSettings());
        return await new Runner(probe, new RunOptions { HarvestAll = true })
            .RunAsync(Fixtures.Spec, Fixtures.Profile, new Uri(url));
    }

    /// <summary>The page a request asked for, read from its URL (the runner keeps it beside the exchange, not in it).</summary>
    private static long? PageOf(Exchange exchange) =>
        System.Text.RegularExpressions.Regex.Match(exchange.Url, @"[?&]page=(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value) : null;
}
