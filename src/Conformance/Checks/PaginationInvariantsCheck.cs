using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>
/// Pagination behaves as pages should, beyond what each envelope says of itself: no record appears on two
/// sampled pages, per_page is honoured (a page of 2 holds 2 records when there are that many), and the page
/// after the last is never a server error.
/// </summary>
public sealed class PaginationInvariantsCheck : Check
{
    public override string Id => PaginationProbes.Check;
    public override string Title => "Pages do not overlap, honour per_page and end cleanly";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.List || context.Profile.Pagination is not { } p) yield break;
        var sampled = run.Answered.Where(e => e.Page is not null && e.IsSuccess && e.Json.Node is JsonObject).ToList();
        if (sampled.Count == 0) yield break; // endpoint-answers and pagination-envelope say why
        var problems = new List<(Exchange, string)>();

        // An overlap counts only if the pages, fetched again together, still share the record.
        if (PaginationProbes.JudgeOfOverlaps(context.Profile, run.Operation.PathTemplate) is { Check: PaginationProbes.Check } judge)
            foreach (var (id, first, second, evidence) in PaginationProbes.ConfirmedOverlaps(run, p, judge))
                problems.Add((evidence, $"record {id} is on page {first} and page {second}"));

        var total = JsonNumbers.WholeNumber(sampled[0].Json.Node![p.TotalItems]);
        if (run.Exchanges.FirstOrDefault(e => e.OwnedBy == Id && e.Purpose == PaginationProbes.SmallPage) is { } small)
        {
            var expected = Math.Min(PaginationProbes.SmallPerPage, total ?? PaginationProbes.SmallPerPage);
            // A server may refuse a page this small (a 4xx names its limit): only a failure or an ignored value counts.
            if (!small.Answered || small.Status >= 500)
                problems.Add((small, $"{p.PerPageParameter}={PaginationProbes.SmallPerPage} answered {small.Status?.ToString() ?? small.TransportError}"));
            else if (small.IsSuccess && small.Json.Error is null && Records.On(small, p).Count is var count && count != expected)
                problems.Add((small, $"{p.PerPageParameter}={PaginationProbes.SmallPerPage} gave {count} record(s), not {expected}"));
        }
        if (run.Exchanges.FirstOrDefault(e => e.OwnedBy == Id && e.Purpose == PaginationProbes.PastTheEnd) is { } beyond)
        {
            // Only a failure is judged: an empty page, a 4xx, or (as static feeds do) the last page again all end the walk.
            if (!beyond.Answered) problems.Add((beyond, $"page {beyond.Page}, past the last, got no answer: {beyond.TransportError}"));
            else if (beyond.Status >= 500) problems.Add((beyond, $"page {beyond.Page}, past the last, answered {beyond.Status}"));
        }
        yield return Judge(run, problems, $"{sampled.Count} page(s) without overlap; per_page honoured; the page after the last ends cleanly.");
    }
}
