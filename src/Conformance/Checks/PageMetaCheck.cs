using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// Pages whose state is an object of their own (APDS's PaginatedListMeta: offset, pageSize, total, referenceInstant)
/// agree with the records they hold and with each other: each page starts where the one before it ended, holds a full
/// page unless it is the last, tells the same total and the same instant the result set was made, and no record is on
/// two pages; the page after the last holds none. The check walks a list's pages itself, from the first.
/// </summary>
public sealed class PageMetaCheck : Check
{
    public const string CheckId = "page-meta";
    public override string Id => CheckId;
    public override string Title => "Pages agree with their meta and do not overlap";

    /// <summary>The most pages walked: enough to see pages follow one another, not a harvest.</summary>
    public const int MostPages = 5;

    private sealed record Walk(long Page, bool PastTheEnd);

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { Meta: not null } p || run.Primary is not { IsSuccess: true }) yield break;
        var path = run.Operation.Path;
        ProbeRequest Page(long page, bool past) => new(past ? $"page {page}, past the last" : $"page {page} of the walk", context.PageUrl(path, page))
        {
            Page = page, Tag = new Walk(page, past),
            Then = answer => past || !answer.IsSuccess ? null
                : AnswerRecords.IsLastPage(answer, p) ? Page(page + 1, past: true)
                : page + 1 < run.FirstPage + MostPages ? Page(page + 1, past: false) : null,
        };
        yield return Page(run.FirstPage, past: false);
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { Meta: { } meta } p) yield break;
        var walked = OwnRequests(run).Where(r => r.Tag is Walk { PastTheEnd: false }).Select(r => (((Walk)r.Tag!).Page, r.Exchange)).ToList();
        if (walked.Count == 0) yield break; // the list was not read: endpoint-answers says why
        var problems = new List<(Exchange, string)>();
        var idField = context.Profile.UniqueIdFor(run.Operation.PathTemplate)?.Field ?? "id";
        var seenOn = new Dictionary<string, long>(StringComparer.Ordinal);
        long? size = null, total = null, counted = 0;
        string? snapshot = null;
        var complete = false;
        foreach (var (page, answer) in walked)
        {
            if (!answer.IsSuccess)
            {
                problems.Add((answer, $"page {page} answered {answer.Status?.ToString() ?? answer.TransportError}"));
                break;
            }
            if (answer.Json.Node is not JsonObject body || body[meta.Object] is not JsonObject state || p.RecordsOf(body) is not { } records)
            {
                problems.Add((answer, $"page {page} has no {meta.Object} object beside its records"));
                break;
            }
            var offset = JsonNumbers.WholeNumber(state[meta.Offset]);
            var pageSize = JsonNumbers.WholeNumber(state[meta.PageSize]);
            var all = JsonNumbers.WholeNumber(state[meta.Total]);
            if (offset is null || pageSize is not > 0 || all is null)
            {
                problems.Add((answer, $"page {page}'s {meta.Object} does not give {meta.Offset}, {meta.PageSize} (from 1) and {meta.Total} as whole numbers"));
                break;
            }
            size ??= pageSize;
            total ??= all;
            if (pageSize != size) problems.Add((answer, $"page {page} gives {meta.PageSize} {pageSize}, page {run.FirstPage} gave {size}"));
            if (all != total) problems.Add((answer, $"page {page} gives {meta.Total} {all}, page {run.FirstPage} gave {total}: one result set has one total"));
            if (meta.Snapshot is { } field && JsonText(state[field]) is { } instant)
            {
                snapshot ??= instant;
                if (instant != snapshot) problems.Add((answer, $"page {page} gives {field} {instant}, page {run.FirstPage} gave {snapshot}: the result set was made once"));
            }
            var expectedOffset = (page - run.FirstPage) * size.Value;
            if (offset != expectedOffset) problems.Add((answer, $"page {page} gives {meta.Offset} {offset}; its first record is number {expectedOffset} (from 0) at {size} a page"));
            var expectedCount = Math.Clamp(total.Value - expectedOffset, 0, size.Value);
            if (records.Count != expectedCount)
                problems.Add((answer, $"page {page} holds {records.Count} record(s); with {total} in all at {size} a page it holds {expectedCount}"));
            foreach (var id in records.OfType<JsonObject>().Select(r => AnswerRecords.IdOf(r, idField)).OfType<string>())
                if (!seenOn.TryAdd(id, page) && seenOn[id] != page)
                    problems.Add((answer, $"record {id} is on page {seenOn[id]} and page {page}"));
            counted += records.Count;
            complete = AnswerRecords.IsLastPage(answer, p);
        }
        if (complete && total is { } expected && counted != expected && problems.Count == 0)
            problems.Add((walked[^1].Exchange, $"the pages hold {counted} record(s) in all; {meta.Total} says {expected}"));
        if (OwnRequests(run).FirstOrDefault(r => r.Tag is Walk { PastTheEnd: true }) is { Exchange: var beyond } past)
        {
            // Past the last page: no records, whether as an empty page or a refusal (4xx).
            if (!beyond.Answered) problems.Add((beyond, $"page {past.Page}, past the last, got no answer: {beyond.TransportError}"));
            else if (beyond.Status >= 500) problems.Add((beyond, $"page {past.Page}, past the last, answered {beyond.Status}"));
            else if (beyond.IsSuccess && beyond.Json.Node is JsonObject after && p.RecordsOf(after) is { Count: > 0 } more)
                problems.Add((beyond, $"page {past.Page}, past the last, holds {more.Count} record(s)"));
        }
        var walk = complete ? $"all {walked.Count} page(s)" : $"the first {walked.Count} page(s)";
        yield return Judge(run, problems, $"{walk} follow one another as their {meta.Object} says ({counted} record(s), {size} a page, {total} in all), none on two pages.");
    }

    private static string? JsonText(JsonNode? node) => node is JsonValue ? node.ToJsonString() : null;
}
