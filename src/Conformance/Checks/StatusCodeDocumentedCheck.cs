using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>
/// Every status the endpoint answered with is one the spec documents for the operation. A refusal another
/// check owns is left to it, so one defect is blamed once: a 5xx (no-server-error), the first request's
/// refusal (endpoint-answers), a listed id's or a page's refusal (id-resolves, pagination-envelope), and an
/// anonymous request refused (anonymous-access). What remains is chiefly a success status the spec omits.
/// </summary>
public sealed class StatusCodeDocumentedCheck : Check
{
    public const string CheckId = "status-code-documented";
    public override string Id => CheckId;
    public override string Title => "Status code is documented in the spec";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var judged = run.Reads.Where(r => r.Exchange.Answered && (r.Exchange.IsSuccess || !OwnedElsewhere(r, run))).Select(r => r.Exchange).ToList();
        if (judged.Count == 0) yield break;
        var documented = string.Join(", ", run.Operation.Responses.Select(r => r.StatusCode));
        var problems = judged
            .Where(e => run.Operation.ResponseFor(e.Status!.Value) is null)
            .Select(e => (e, $"status {e.Status} is not documented for {run.Operation.Id} (documented: {documented})"))
            .ToList();
        yield return Judge(run, problems, $"Every status answered is documented ({documented}).");
    }

    private static bool OwnedElsewhere(SentRequest read, OperationRun run) =>
        read.Exchange is var e && (e.Status >= 500 || ReferenceEquals(e, run.Primary) || read.RecordId is not null || read.Page is not null
        || (e.Anonymous && e.Status is 401 or 403));
}
