namespace Conformance.Standards;

/// <summary>
/// Pagination whose state is an object of its own on every page (APDS's PaginatedListMeta): where the page's first
/// record stands, how many a page holds, how many there are in all, and when the result set was made.
/// </summary>
public sealed class PageMeta
{
    /// <summary>The page's member that holds the state.</summary>
    public string Object { get; init; } = "meta";
    /// <summary>The index (from 0) of the page's first record across all pages.</summary>
    public string Offset { get; init; } = "offset";
    /// <summary>The most records a page holds.</summary>
    public string PageSize { get; init; } = "pageSize";
    /// <summary>How many records there are across all pages.</summary>
    public string Total { get; init; } = "total";
    /// <summary>When the result set was made, the same on every page of it; null where the standard has none.</summary>
    public string? Snapshot { get; init; }
}
