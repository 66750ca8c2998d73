using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>
/// A write the standard defines, made from the profile's recipe (--allow-writes, test environments only), is
/// accepted: a success status, and an answer holding what the standard promises (Open311: the new request's
/// service_request_id, or a token for it). The write is this check's alone: one request, one verdict on it.
/// </summary>
public sealed class WriteAcceptedCheck : Check
{
    public override string Id => "write-accepted";
    public override string Title => "A write the standard defines is accepted";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.Write || run.Exchanges.FirstOrDefault(e => e.OwnedBy == Id) is not { } write) yield break;
        var expected = context.Profile.Writes.First(w => w.Endpoint == run.Operation.PathTemplate && w.Method == run.Operation.Method).ExpectAnyOf;
        if (write.IsSuccess && write.BodyRefused && expected.Count > 0)
        {
            yield return Error(run, $"The write was answered {write.Status}, but the harness could not judge the answer: {write.Json.Error}.", write);
            yield break;
        }
        string? problem = null;
        if (!write.Answered) problem = $"no answer: {write.TransportError}";
        else if (!write.IsSuccess) problem = $"the write was answered {write.Status}";
        else if (expected.Count > 0)
        {
            var records = write.Json.Node is System.Text.Json.Nodes.JsonArray list ? list.OfType<System.Text.Json.Nodes.JsonObject>().ToList()
                : Records.In(write.Json.Node) is { } one ? [one] : [];
            if (!records.Any(r => expected.Any(f => Records.IdOf(r, f) is { Length: > 0 })))
                problem = $"the answer holds no {string.Join(" or ", expected)}";
        }
        var problems = problem is null ? new List<(Exchange, string)>() : [(write, problem)];
        yield return Judge(run, problems, $"The write was accepted ({write.Status}).");
    }
}
