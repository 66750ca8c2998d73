using Conformance.Http;

namespace Conformance.Checks;

/// <summary>No request the harness sends, which are all valid reads, is answered with a 5xx.</summary>
public sealed class NoServerErrorCheck : Check
{
    public override string Id => "no-server-error";
    public override string Title => "No server errors";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (!run.Answered.Any()) yield break;
        var problems = run.Answered.Where(e => e.Status >= 500)
            .Select(e => (e, $"answered {e.Status}, a server error")).ToList();
        yield return Judge(run, problems, "No server errors.");
    }
}
