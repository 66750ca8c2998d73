using System.Text.Json.Nodes;
using System.Text.Json;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// Every sampled page (first, middle, last) carries the pagination envelope, and the envelope agrees with
/// itself, with the page asked for, with the records it holds and with the other pages. A feed found to count
/// its pages from 0 is judged by its own numbering, and told once that the standard's pages start at 1.
/// </summary>
public sealed class PaginationEnvelopeCheck : Check
{
    public const string CheckId = "pagination-envelope";
    public override string Id => CheckId;
    public override string Title => "Pagination envelope is present and consistent";

    /// <summary>Page 0, asked for where page 1 says it is not the first and found not to be the first either, is this check's.</summary>
    public override IReadOnlyCollection<RequestKind> Uses => [PageOrigin.PageZero];

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { } p) yield break;
        var sampled = run.Reads.Where(r => r.Page is not null).OrderBy(r => r.Page).ToList(); // the sampled pages, first first
        var pages = sampled.Select(r => r.Exchange).ToList();
        if (pages.Count == 0 || pages[0] is not { IsSuccess: true })
        {
            yield return Skipped(run, "The first page could not be fetched (see endpoint-answers).");
            yield break;
        }
        var problems = new List<(Exchange, string)>();
        var origin = run.FirstPage;
        if (origin != 1 && sampled.FirstOrDefault(r => r.Page == 1)?.Exchange is { } second)
            problems.Add((second, $"pages are counted from {origin}: page 1 says {p.FirstPage}=false and page {origin} is the first, but page numbers start at 1"));
        Envelope? first = null;
        foreach (var (page, number) in sampled.Select(r => (r.Exchange, r.Page!.Value)))
        {
            if (!page.Answered) { problems.Add((page, $"no answer: {page.TransportError}")); continue; }
            if (page.Status >= 500 || page.Json.Error is not null) continue; // no-server-error and response-schema say so
            if (!page.IsSuccess) { problems.Add((page, $"answered {page.Status}")); continue; }
            if (page.Json.Node is not JsonObject body) { problems.Add((page, "the body is not a JSON object")); continue; }
            var envelope = Envelope.Read(body, p, out var missing);
            problems.AddRange(missing.Select(m => (page, m)));
            if (envelope is null) continue;
            var fullPage = first is { LastPage: false } ? first.Count : (int?)null; // records on a full page, once known
            problems.AddRange(Inconsistencies(envelope, number, origin, fullPage, p).Select(m => (page, m)));
            if (first is null) first = envelope;
            else problems.AddRange(Drift(first, envelope, p).Select(m => (page, m)));
        }
        if (first is not null && pages.Count > 1 && first.PageNumber == origin && !first.LastPage && first.Count > 0)
        {
            var expected = (long)Math.Ceiling(first.TotalItems / (double)first.Count);
            if (expected != first.TotalPages)
                problems.Add((pages[0], $"{p.TotalPages} is {first.TotalPages} but {first.TotalItems} items at {first.Count} a page make {expected} pages"));
        }
        yield return Judge(run, problems, $"{pages.Count} page(s) sampled; the envelope is consistent.");
    }

    private static IEnumerable<string> Inconsistencies(Envelope e, long requested, long origin, int? fullPage, Pagination p)
    {
        var position = e.PageNumber - origin + 1; // 1 for the first page, however the feed numbers it
        var isLast = position >= e.TotalPages;
        // "size" may be read as the records on this page or as the page size: a short last page may give either.
        var sizeIsPageSize = isLast && e.Count < e.Size && (fullPage is null || e.Size == fullPage);
        if (e.Size != e.Count && !sizeIsPageSize) yield return $"{p.Size} is {e.Size} but {e.Contents} holds {e.Count} record(s)";
        if (e.PageNumber != requested) yield return $"{p.PageNumber} is {e.PageNumber} but page {requested} was requested";
        if (e.FirstPage != (position == 1)) yield return $"{p.FirstPage} is {Lower(e.FirstPage)} on page {e.PageNumber}";
        if (e.LastPage != isLast) yield return $"{p.LastPage} is {Lower(e.LastPage)} on page {e.PageNumber} of {e.TotalPages}";
        if (e.Empty != (e.Count == 0)) yield return $"{p.Empty} is {Lower(e.Empty)} but {e.Contents} holds {e.Count} record(s)";
        if (e.Count > e.TotalItems) yield return $"the page holds {e.Count} record(s) but {p.TotalItems} is {e.TotalItems}";
        if (e.TotalItems > 0 && e.TotalPages < 1) yield return $"{p.TotalPages} is {e.TotalPages} with {e.TotalItems} item(s)";
        if (e.TotalPages > e.TotalItems && e.TotalItems > 0) yield return $"{p.TotalPages} ({e.TotalPages}) exceeds {p.TotalItems} ({e.TotalItems})";
        if (position == 1 && isLast && e.Count != e.TotalItems)
            yield return $"the only page holds {e.Count} record(s) but {p.TotalItems} is {e.TotalItems}";
        if (fullPage is not null && isLast && position > 1 && fullPage * (position - 1) + e.Count != e.TotalItems)
            yield return $"{position - 1} full page(s) of {fullPage} and {e.Count} on the last make {fullPage * (position - 1) + e.Count}, but {p.TotalItems} is {e.TotalItems}";
    }

    private static IEnumerable<string> Drift(Envelope first, Envelope other, Pagination p)
    {
        if (other.TotalItems != first.TotalItems) yield return $"{p.TotalItems} changed from {first.TotalItems} to {other.TotalItems} between pages";
        if (other.TotalPages != first.TotalPages) yield return $"{p.TotalPages} changed from {first.TotalPages} to {other.TotalPages} between pages";
    }

    private static string Lower(bool value) => value ? "true" : "false";

    private sealed record Envelope(long TotalItems, long TotalPages, long PageNumber, long Size, bool FirstPage, bool LastPage, bool Empty, int Count, string Contents)
    {
        public static Envelope? Read(JsonObject body, Pagination p, out List<string> missing)
        {
            missing = [];
            var totalItems = Integer(body, p.TotalItems, missing);
            var totalPages = Integer(body, p.TotalPages, missing);
            var pageNumber = Integer(body, p.PageNumber, missing);
            var size = Integer(body, p.Size, missing);
            var firstPage = Boolean(body, p.FirstPage, missing);
            var lastPage = Boolean(body, p.LastPage, missing);
            var empty = Boolean(body, p.Empty, missing);
            var name = p.ContentsOf(body);
            var contents = body[name] as JsonArray;
            if (contents is null) missing.Add($"'{string.Join("' or '", p.Contents)}' is missing or not an array");
            return missing.Count > 0 ? null
                : new Envelope(totalItems!.Value, totalPages!.Value, pageNumber!.Value, size!.Value, firstPage!.Value, lastPage!.Value, empty!.Value, contents!.Count, name);
        }

        private static long? Integer(JsonObject body, string name, List<string> missing)
        {
            if (JsonNumbers.WholeNumber(body[name]) is { } n) return n;
            missing.Add(body[name] is null ? $"'{name}' is missing" : $"'{name}' is not an integer");
            return null;
        }

        private static bool? Boolean(JsonObject body, string name, List<string> missing)
        {
            if (body[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
            missing.Add(body[name] is null ? $"'{name}' is missing" : $"'{name}' is not a boolean");
            return null;
        }
    }
}
