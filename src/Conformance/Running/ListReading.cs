using Conformance.Evidence;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>What reading one list needs to hand: the operation, how it pages, where its requests go, and who owns page 0 if it is not a page.</summary>
internal sealed record ListReading(TestCase TestCase, Pagination Pagination, OperationRequests Requests, ProbeContext Urls, RequestOwner? PageZeroOwner)
{
    public Uri PageUrl(long page) => Urls.PageUrl(TestCase.Operation.Path, page);
}
