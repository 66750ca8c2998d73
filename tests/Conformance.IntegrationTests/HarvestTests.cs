using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>
/// --harvest all reads every page of a list, however many, or says where it stopped and which flag goes further;
/// never a silent "full" harvest that was not.
/// </summary>
public class HarvestTests
{
    [Test]
    public async Task A_full_harvest_of_10100_one_record_pages_reads_and_validates_every_one()
    {
        var feed = Feed(10_100, perPage: 1);
        var pages = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>(); // the server's own request log keeps only the latest
        using var server = ReferenceServer.Start((method, path, query) =>
        {
            if (path == "/services" && query.Count == 1 && int.TryParse(query.GetValueOrDefault("page"), out var page)) pages[page] = 0;
            return feed.Handle(method, path, query);
        });
        var result = await HarvestAsync(server.Url, harvestPages: 20_000);

        // Every page, and the one past the last that pagination-invariants asks for.
        Assert.That(pages.Keys.Order(), Is.EqualTo(Enumerable.Range(1, 10_101)));
        Assert.That(result.Coverage.Single(c => c.Operation == "GET /services").RecordsValidated, Is.EqualTo(10_100));
        Assert.That(result.Notes, Has.None.Contains("harvest read the first"));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), string.Join("\n", result.Results.Where(r => r.Outcome is not (Outcome.Pass or Outcome.Info)).Select(r => r.Message)));
    }

    [Test]
    public async Task A_harvest_that_reaches_its_page_limit_says_so_and_names_the_flag()
    {
        var feed = Feed(60, perPage: 1);
        using var server = ReferenceServer.Start(feed.Handle);
        var result = await HarvestAsync(server.Url, harvestPages: 50);

        Assert.That(result.Notes, Has.One.EqualTo("GET /services says it has 60 pages; the harvest read the first 50 only (--harvest-limit raises it)."));
        Assert.That(result.Coverage.Single(c => c.Operation == "GET /services").RecordsValidated, Is.EqualTo(50));
    }

    private static GeneratedFeed Feed(int services, int perPage) =>
        new(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference")), services, perPage);

    private static async Task<RunResult> HarvestAsync(string url, int harvestPages)
    {
        var request = RunRequest.From(null, new RunOverrides
        {
            Standard = "oruk-3.0", Url = url, HarvestAll = true, HarvestPages = harvestPages, RequestsPerSecond = RunOverrides.Unlimited,
        });
        return await ConformanceRun.ExecuteAsync(await ConformanceRun.PrepareAsync(request, ConformanceRun.DefaultCatalogue()));
    }
}
