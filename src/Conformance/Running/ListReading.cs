using Conformance.Evidence;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>What reading one list needs to hand: the operation, how it pages, where its requests go, and who owns page 0 if it is not a page.</summary>
internal sealed record ListReading(TestCase TestCase, Pagination Pagination, OperationRequests Requests, ProbeContext Urls, RequestOwner? PageZeroOwner)
{
    /// <summary>A page of the list, with the query the operation's requests carry.</summary>
    public Uri PageUrl(long page) =>
        TargetUrls.Url(Urls.Target, TestCase.Operation.Path, query: TargetUrls.Join(TestCase.Values.QueryString, $"{Pagination.PageParameter}={page}"));
}
