using System.Text.Json.Nodes;

namespace Conformance.Standards;

/// <summary>A page-number pagination convention: the query parameters and the envelope's field names.</summary>
public sealed class Pagination
{
    public string PageParameter { get; init; } = "page";
    public string PerPageParameter { get; init; } = "per_page";
    /// <summary>
    /// The field that holds a page's records, by every name feeds of the standard use for it; the spec's own name
    /// first. A page uses one of them (ORUK 1.0: the spec says contents, feeds in the wild say content).
    /// </summary>
    public IReadOnlyList<string> Contents { get; init; } = ["contents"];
    public string TotalItems { get; init; } = "total_items";
    public string TotalPages { get; init; } = "total_pages";
    public string PageNumber { get; init; } = "page_number";
    public string Size { get; init; } = "size";
    public string FirstPage { get; init; } = "first_page";
    public string LastPage { get; init; } = "last_page";
    public string Empty { get; init; } = "empty";
    /// <summary>
    /// Whether feeds that count pages from 0 (Spring-style) are looked for: page 1 saying it is not the first
    /// page sends the harness to page 0, and sampling starts there if page 0 says it is the first.
    /// </summary>
    public bool DetectZeroBased { get; init; }
    /// <summary>Where the page's state is an object of its own (APDS's PaginatedListMeta) rather than fields of the page.</summary>
    public PageMeta? Meta { get; init; }

    /// <summary>The name this page gives its records: the first of <see cref="Contents"/> it has, else the spec's.</summary>
    public string ContentsOf(JsonObject page) => Contents.FirstOrDefault(page.ContainsKey) ?? Contents[0];

    /// <summary>The page's records, wherever of <see cref="Contents"/> it keeps them; null when it has no such array.</summary>
    public JsonArray? RecordsOf(JsonObject page) => page[ContentsOf(page)] as JsonArray;
}
