using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>No request the harness sends, which are all valid reads, is answered with a 5xx.</summary>
public sealed class NoServerErrorCheck : Check
{
    public const string CheckId = "no-server-error";
    public override string Id => CheckId;
    public override string Title => "No server errors";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var answered = run.Answered.ToList();
        if (answered.Count == 0) yield break;
        var problems = answered.Where(e => e.Status >= 500 && !e.Throttled) // a 503 asking for patience is throttling, not an error
            .Select(e => (e, $"answered {e.Status}, a server error")).ToList();
        yield return Judge(run, problems, "No server errors.");
    }
}
