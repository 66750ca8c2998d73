using System.Text.Json.Nodes;
using Conformance.Evidence;

namespace Conformance.Running;

/// <summary>
/// The ordinary reads of one operation, which every check judges (what a check needs more, it asks for itself): a
/// list's pages (<see cref="ListHarvest"/>), a lookup's ids (<see cref="IdChain"/>), anything else fetched once. An
/// endpoint declared absent, and a write, get only the requests their checks declare.
/// </summary>
internal sealed class OrdinaryReads(RunOptions options, RunSoFar seen, ProbeContext urls, ListHarvest lists)
{
    private readonly IdChain _ids = new(options, seen, urls);

    public async Task<OperationRun> ReadAsync(TestCase testCase, OperationRequests requests)
    {
        var operation = testCase.Operation;
        if (testCase.SkipReason is not null) return Runner.NotTested(testCase, testCase.SkipReason);
        var values = testCase.Values;
        if (testCase.DeclaredAbsent)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [], Format: testCase.Format, DeclaredAbsent: true) { Headers = values.Headers };
        if (testCase.Role == OperationRole.Write)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [], Format: testCase.Format) { Headers = values.Headers };
        if (testCase.Role == OperationRole.Item) return await _ids.LookUpAsync(testCase, requests);

        long firstPage = 1; // a list's first page: 1, or 0 where the feed counts from 0
        if (testCase.Role == OperationRole.List)
        {
            var pagination = urls.Profile.Pagination!;
            // The runner's request for page 0 belongs to whichever check declares it uses it.
            var pageZeroOwner = options.Checks.FirstOrDefault(c => c.Uses.Contains(PageOrigin.PageZero));
            firstPage = await lists.ReadAsync(new ListReading(testCase, pagination, requests, urls, pageZeroOwner));
            if (requests.Sent[0].Exchange is { IsSuccess: true, Json.Node: JsonObject envelope } && pagination.ContentsOf(envelope) is var named
                && named != pagination.Contents[0])
                seen.Notes.Add($"{operation.Id} keeps its records under '{named}', not '{pagination.Contents[0]}' (the profile accepts either).");
        }
        else
        {
            var fetched = await requests.SendAsync(new ProbeRequest("fetch",
                TargetUrls.Url(urls.Target, TargetUrls.Fill(operation.Path, values.Path), query: values.QueryString)));
            seen.Listed[operation.Path] = AnswerRecords.On(fetched.Exchange, urls.Profile.Pagination);
        }
        return new OperationRun(operation, testCase.Tier, testCase.Role, requests.Sent, Format: testCase.Format)
            { FirstPage = firstPage, Guessed = values.Guessed, Headers = values.Headers };
    }
}
