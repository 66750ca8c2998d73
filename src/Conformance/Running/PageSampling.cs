using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Which pages of a list are read, and where its numbering starts. After page 1: the last page, then middle pages
/// spread evenly, then a few chosen at random (seeded, so a run can be repeated); or every page (--harvest all) up to
/// the harvest's limit. Where the profile looks for feeds counting from 0, page 1 saying it is not the first sends the
/// harness to page 0, and page 0 saying it is the first settles it (<see cref="PageOrigin"/>).
/// </summary>
public sealed class PageSampling(RunOptions options, int seed)
{
    /// <summary>
    /// The number of a list's first page: 1, or 0 where the profile looks for feeds counting from 0 and page 0 says it is
    /// the first (page 1 is then the second page). The request for page 0 belongs to the check that uses it
    /// (<see cref="PageOrigin.PageZero"/>) unless it is the first page; the notes say what was found.
    /// </summary>
    internal async Task<long> FirstPageAsync(SentRequest pageOne, ListReading list, List<string> notes)
    {
        var p = list.Pagination;
        if (!p.DetectZeroBased || !PageOrigin.SaysNotFirst(pageOne.Exchange, p)) return 1;
        var zero = await list.Requests.SendAsync(new ProbeRequest(PageOrigin.Probe, list.PageUrl(0)) { Page = 0, Kind = PageOrigin.PageZero }, list.PageZeroOwner);
        var fromZero = PageOrigin.SaysFirst(zero.Exchange, p);
        if (fromZero) list.Requests.Sent[list.Requests.Sent.FindIndex(r => ReferenceEquals(r, zero))] = zero with { Owner = null, Kind = null }; // a sampled page after all
        notes.Add(PageOrigin.Note(list.TestCase.Operation.Id, p, fromZero));
        return fromZero ? 0 : 1;
    }

    /// <summary>The pages to read after page 1, by position (the first is 1), and a note where a harvest stops short of the list's end.</summary>
    internal (List<long> Positions, string? Note) After(long totalPages, string operation, string path)
    {
        if (!options.HarvestAll)
            return (PagesToSample(totalPages, options.MaxPages, options.RandomPages, new Random(seed ^ StableHash(path))).ToList(), null);
        var note = totalPages > options.HarvestPages
            ? $"{operation} says it has {totalPages} pages; the harvest read the first {options.HarvestPages} only (--harvest-limit raises it)." : null;
        return (Enumerable.Range(2, (int)Math.Clamp(totalPages - 1, 0, options.HarvestPages - 1)).Select(n => (long)n).ToList(), note);
    }

    /// <summary>
    /// After page 1, within the page budget: the last page, then middle pages spread evenly between them.
    /// A server's claimed page count is capped, so a hostile total cannot overflow the arithmetic.
    /// </summary>
    public static IEnumerable<long> PagesToSample(long totalPages, int maxPages, int randomPages = 0, Random? random = null)
    {
        totalPages = Math.Min(totalPages, 1_000_000_000);
        if (totalPages < 2 || maxPages < 2) return [];
        var middles = Math.Min(maxPages - 2, totalPages - 2);
        var pages = Enumerable.Range(1, (int)Math.Max(middles, 0)).Select(i => 1 + (totalPages - 1) * i / (middles + 1))
            .Append(totalPages).ToHashSet();
        // Then a few pages at random (seeded, so a run can be repeated), among those not chosen yet.
        var left = totalPages - 1 - pages.Count;
        for (var i = 0; i < Math.Min(randomPages, left) && random is not null; i++)
        {
            long page;
            do page = random.NextInt64(2, totalPages); while (!pages.Add(page));
        }
        return pages.Order().ToList();
    }

    /// <summary>The number of pages a list's first page says it has (1 where it does not say).</summary>
    internal static long TotalPages(JsonObject firstPage, Pagination p) => Http.JsonNumbers.WholeNumber(firstPage[p.TotalPages]) ?? 1;

    /// <summary>FNV-1a: the same number for the same path in every process (string.GetHashCode is not).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
