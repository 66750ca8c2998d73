using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// Pagination behaves as pages should, beyond what each envelope says of itself: no record appears on two
/// sampled pages, per_page is honoured (a page of 2 holds 2 records when there are that many), and the page
/// after the last is never a server error.
/// </summary>
public sealed class PaginationInvariantsCheck : Check
{
    public const string CheckId = "pagination-invariants";
    public override string Id => CheckId;
    public override string Title => "Pages do not overlap, honour per_page and end cleanly";

    /// <summary>A small page (is per_page honoured?), the page after the last, and overlapping pages fetched again.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { } p || run.Primary is not { IsSuccess: true } first) yield break;
        var path = run.Operation.Path;
        yield return new ProbeRequest("small page", context.Url(path, null, $"{p.PageParameter}={run.FirstPage}", $"{p.PerPageParameter}={PaginationProbes.SmallPerPage}"))
            { Page = run.FirstPage, Tag = PaginationProbes.Kind.SmallPage };
        var totalPages = first.Json.Node is JsonObject body ? JsonNumbers.WholeNumber(body[p.TotalPages]) : null;
        if (totalPages is >= 0 and < 1_000_000_000)
            yield return new ProbeRequest("past the last page", context.PageUrl(path, totalPages.Value + run.FirstPage))
                { Page = totalPages.Value + run.FirstPage, Tag = PaginationProbes.Kind.PastTheEnd };
        foreach (var again in PaginationProbes.Confirmations(run, context, Id)) yield return again;
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { } p) yield break;
        var sampled = PaginationProbes.Sampled(run);
        if (sampled.Count == 0) yield break; // endpoint-answers and pagination-envelope say why
        var problems = new List<(Exchange, Problem)>();

        // An overlap counts only if the pages, fetched again together, still share the record; overlaps are one rule.
        if (PaginationProbes.OwnerOfOverlaps(context.Profile, run.Operation.PathTemplate) is { Check: CheckId } owner)
            foreach (var (id, first, second, evidence) in PaginationProbes.ConfirmedOverlaps(run, p, owner, OwnRequests(run)))
                problems.Add((evidence, new Problem("the same record is on two pages", $"record {id} on page {first} and page {second}", id, $"record {id} is on page {first} and page {second}")));

        var total = JsonNumbers.WholeNumber(sampled[0].Exchange.Json.Node![p.TotalItems]);
        if (OwnRequests(run).FirstOrDefault(r => r.Tag is PaginationProbes.Kind.SmallPage)?.Exchange is { } small)
        {
            var expected = Math.Min(PaginationProbes.SmallPerPage, total ?? PaginationProbes.SmallPerPage);
            // A server may refuse a page this small (a 4xx names its limit): only a failure or an ignored value counts.
            if (!small.Answered || small.Status >= 500)
                problems.Add((small, new Problem($"{p.PerPageParameter}={PaginationProbes.SmallPerPage} answered {small.Status?.ToString() ?? small.TransportError}")));
            else if (small.IsSuccess && small.Json.Error is null && AnswerRecords.On(small, p).Count is var count && count != expected)
                problems.Add((small, new Problem($"{p.PerPageParameter}={PaginationProbes.SmallPerPage} gave {count} record(s), not {expected}")));
        }
        if (OwnRequests(run).FirstOrDefault(r => r.Tag is PaginationProbes.Kind.PastTheEnd) is { Exchange: var beyond } pastTheEnd)
        {
            // Only a failure is judged: an empty page, a 4xx, or (as static feeds do) the last page again all end the walk.
            if (!beyond.Answered) problems.Add((beyond, new Problem($"page {pastTheEnd.Page}, past the last, got no answer: {beyond.TransportError}")));
            else if (beyond.Status >= 500) problems.Add((beyond, new Problem($"page {pastTheEnd.Page}, past the last, answered {beyond.Status}")));
        }
        yield return Judge(run, problems, $"{sampled.Count} page(s) without overlap; per_page honoured; the page after the last ends cleanly.");
    }
}
