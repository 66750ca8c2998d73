using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;

namespace Conformance.Running;

/// <summary>
/// Reads a list's pages and keeps what later checks need. Page 1 (or page 0, where the feed counts from 0) is kept whole;
/// the pages after it are told to the page-wise checks as they arrive (<see cref="PageStream"/>, on the other core while
/// the next page is fetched), then kept cut down to their envelope and ids (<see cref="PageSkeleton"/>) with a bounded
/// sample of their records. The records, round-robin over the pages read, are what ids are chained from and filters
/// take values from.
/// </summary>
internal sealed class ListHarvest(PageSampling sampling, RunSoFar seen, IReadOnlyList<PageCheck> pageChecks, Func<CheckContext> judging)
{
    /// <summary>
    /// About how many records of a list are kept whole for lookups and filters: all of a sampled list's; of a harvested
    /// one's, some of every page, or the first of every few pages where there are more pages than this.
    /// </summary>
    private const int ListedPerList = 1000;

    /// <summary>Reads the list; returns the number of its first page (1, or 0 where the feed counts from 0).</summary>
    public async Task<long> ReadAsync(ListReading list)
    {
        var p = list.Pagination;
        var operation = list.TestCase.Operation;
        var requests = list.Requests;
        var perPage = new List<List<JsonObject>>();
        var sampled = new ConcurrentDictionary<int, List<JsonObject>>(); // by slot in the requests
        PageStream? stream = null;
        long firstPage = 1;
        try
        {
            var first = await requests.SendAsync(new ProbeRequest("page 1", list.PageUrl(1)) { Page = 1 });
            perPage.Add(AnswerRecords.On(first.Exchange, p));
            if (!first.Exchange.IsSuccess || first.Exchange.Json.Node is not JsonObject body) return firstPage;
            firstPage = await sampling.FirstPageAsync(first, list, seen.Notes);
            if (firstPage == 0) perPage.Insert(0, AnswerRecords.On(requests.Sent.Last(r => r.Page == 0).Exchange, p));
            var totalPages = PageSampling.TotalPages(body, p);
            var lastPage = totalPages - 1 + firstPage;
            var (positions, note) = sampling.After(totalPages, operation.Id, operation.Path);
            if (note is not null) seen.Notes.Add(note);
            // A spread of the list's records within the budget: some of every page, or one of every few pages.
            var quota = Math.Max(1, (ListedPerList + positions.Count - 1) / Math.Max(1, positions.Count));
            var stride = Math.Max(1, positions.Count / ListedPerList);
            var context = judging();
            var idFields = PageSkeleton.IdFieldsOf(context.Profile);
            stream = new PageStream(pageChecks.Select(c => (c, c.Begin(operation, OperationRole.List, context))).ToList(), (slot, page) =>
            {
                if (slot % stride == 0) sampled[slot] = AnswerRecords.On(page.Exchange, p).Take(quota).Select(r => (JsonObject)r.DeepClone()).ToList();
                var answer = page.Exchange;
                return page with
                {
                    Exchange = answer.IsSuccess && answer.Xml is null && PageSkeleton.Of(answer.Json.Node, p, idFields) is { } skeleton ? answer.Reduced(skeleton) : answer,
                    JudgedOnArrival = true,
                };
            });
            seen.Streams[operation.Id] = stream;
            // Pages are chosen by position (the first is 1) and asked for by number; page 1 is already in hand.
            foreach (var page in positions.Select(n => n - 1 + firstPage).Where(n => n != 1))
            {
                var counted = firstPage == 0 ? ", counted from 0" : "";
                var purpose = page == lastPage ? $"last page ({page}{counted})" : $"middle page ({page} of {totalPages}{counted})";
                var answer = await requests.SendAsync(new ProbeRequest(purpose, list.PageUrl(page)) { Page = page });
                await stream.SendAsync(requests.Sent.Count - 1, answer, requests.Cancel);
                // Pages judged meanwhile are put back cut down, so no more than the channel holds is ever kept whole.
                foreach (var (slot, kept) in stream.TakeKept()) requests.Sent[slot] = kept;
            }
        }
        finally
        {
            if (stream is not null)
            {
                foreach (var (slot, kept) in await stream.FinishAsync()) requests.Sent[slot] = kept;
                perPage.AddRange(sampled.OrderBy(s => s.Key).Select(s => s.Value));
            }
            // Round-robin over the sampled pages, so lookups cover the first, middle and last pages alike.
            seen.Listed[operation.Path] = Enumerable.Range(0, perPage.Select(x => x.Count).DefaultIfEmpty(0).Max())
                .SelectMany(i => perPage.Where(records => i < records.Count).Select(records => records[i]))
                .ToList();
        }
        return firstPage;
    }
}
