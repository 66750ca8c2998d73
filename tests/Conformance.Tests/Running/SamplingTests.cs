using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.Tests.Running;

/// <summary>Large feeds are sampled (first, middle, last and a seeded random few) or, when asked, walked whole.</summary>
public class SamplingTests
{
    [Test]
    public void Random_pages_are_distinct_new_and_repeat_with_the_seed()
    {
        var first = PageSampling.PagesToSample(1000, 3, 2, new Random(42)).ToList();
        Assert.That(first, Has.Count.EqualTo(4).And.Contains(500L).And.Contains(1000L).And.Unique);
        Assert.That(first, Has.All.InRange(2L, 1000L));
        Assert.That(PageSampling.PagesToSample(1000, 3, 2, new Random(42)), Is.EqualTo(first), "the same seed, the same pages");
        Assert.That(PageSampling.PagesToSample(4, 3, 5, new Random(1)), Is.EqualTo(new long[] { 2, 3, 4 }), "never more pages than there are");
    }

    /// <summary>The ORUK reference with one record a page unless asked otherwise: 25 pages of services.</summary>
    private static ReferenceServer OneRecordPages()
    {
        var oruk = new OpenReferralService(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference")));
        return ReferenceServer.Start((method, path, query) => oruk.Handle(method, path,
            query.ContainsKey("per_page") ? query : query.Append(KeyValuePair.Create("per_page", "1")).ToDictionary()));
    }

    private static async Task<(RunResult Result, List<string> Pages)> Run(RunOptions options)
    {
        using var server = OneRecordPages();
        using var probe = new Probe(new ProbeSettings());
        var result = await new Runner(probe, options).RunAsync(Fixtures.Spec, Fixtures.Profile, new Uri(server.Url));
        var pages = server.Requests.Select(r => new Uri(r.Url)).Where(u => u.AbsolutePath == "/services" && u.Query.StartsWith("?page=") && !u.Query.Contains('&'))
            .Select(u => u.Query).Where(q => q != "?page=26").ToList(); // page 26 is pagination-invariants' look past the end
        return (result, pages);
    }

    [Test]
    public async Task A_run_reports_its_seed_and_the_seed_repeats_its_pages()
    {
        var (first, pagesFirst) = await Run(new RunOptions());
        Assert.That(first.Seed, Is.Not.Null);
        Assert.That(pagesFirst, Has.Count.EqualTo(5), "first, middle, last and two at random");
        var (again, pagesAgain) = await Run(new RunOptions { Seed = first.Seed });
        Assert.That(pagesAgain, Is.EquivalentTo(pagesFirst));
        Assert.That(again.Seed, Is.EqualTo(first.Seed));
    }

    [Test]
    public async Task Harvest_all_walks_every_page()
    {
        var (_, pages) = await Run(new RunOptions { HarvestAll = true });
        Assert.That(pages, Is.EquivalentTo(Enumerable.Range(1, 25).Select(n => $"?page={n}")));
    }
}
