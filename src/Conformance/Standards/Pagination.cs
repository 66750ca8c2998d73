namespace Conformance.Standards;

/// <summary>A page-number pagination convention: the query parameters and the envelope's field names.</summary>
public sealed class Pagination
{
    public string PageParameter { get; init; } = "page";
    public string PerPageParameter { get; init; } = "per_page";
    public string Contents { get; init; } = "contents";
    public string TotalItems { get; init; } = "total_items";
    public string TotalPages { get; init; } = "total_pages";
    public string PageNumber { get; init; } = "page_number";
    public string Size { get; init; } = "size";
    public string FirstPage { get; init; } = "first_page";
    public string LastPage { get; init; } = "last_page";
    public string Empty { get; init; } = "empty";
}
