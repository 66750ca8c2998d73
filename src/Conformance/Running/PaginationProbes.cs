namespace Conformance.Running;

/// <summary>The requests pagination-invariants sends besides the sampled pages.</summary>
public static class PaginationProbes
{
    public const string Check = "pagination-invariants";
    public const string SmallPage = "small page";
    public const string PastTheEnd = "past the last page";
    /// <summary>A page fetched again because it shared a record with another: was the feed only moving?</summary>
    public const string Confirm = "page fetched again";
    /// <summary>Small enough that any feed with three records shows whether per_page is honoured.</summary>
    public const int SmallPerPage = 2;

    /// <summary>Ids that appear on two of the given pages, with the pages they appear on.</summary>
    public static IEnumerable<(string Id, long First, long Second)> Overlaps(IEnumerable<Http.Exchange> pages, Standards.Pagination p)
    {
        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
            foreach (var id in Runner.RecordsOn(page, p).Select(r => Runner.IdOf(r, "id")).OfType<string>().Distinct())
                if (seen.TryGetValue(id, out var other) && other != page.Page) yield return (id, other, page.Page!.Value);
                else seen[id] = page.Page!.Value;
    }
}
