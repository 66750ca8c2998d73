namespace Conformance.Checks;

/// <summary>Every status the endpoint answered with is one the spec documents for the operation.</summary>
public sealed class StatusCodeDocumentedCheck : Check
{
    public override string Id => "status-code-documented";
    public override string Title => "Status code is documented in the spec";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (!run.Answered.Any()) yield break;
        var documented = string.Join(", ", run.Operation.Responses.Select(r => r.StatusCode));
        var problems = run.Answered
            .Where(e => !Check.WantsCredentials(e, context))
            .Where(e => e.Status < 500) // a server error is no-server-error's finding, documented or not
            .Where(e => run.Operation.ResponseFor(e.Status!.Value) is null)
            .Select(e => (e, $"status {e.Status} is not documented for {run.Operation.Id} (documented: {documented})"))
            .ToList();
        yield return Judge(run, problems, $"Every status answered is documented ({documented}).");
    }
}
