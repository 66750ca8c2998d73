namespace Conformance.Running;

/// <summary>The requests pagination-invariants sends besides the sampled pages.</summary>
public static class PaginationProbes
{
    public const string Check = "pagination-invariants";
    public const string SmallPage = "small page";
    public const string PastTheEnd = "past the last page";
    /// <summary>Small enough that any feed with three records shows whether per_page is honoured.</summary>
    public const int SmallPerPage = 2;
}
