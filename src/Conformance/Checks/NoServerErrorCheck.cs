using Conformance.Http;

namespace Conformance.Checks;

/// <summary>No request the harness sends, which are all valid reads, is answered with a 5xx.</summary>
public sealed class NoServerErrorCheck : Check
{
    public override string Id => "no-server-error";
    public override string Title => "No server errors";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var answered = run.Exchanges.Where(e => e.Answered).ToList(); // requests made to be refused too: a refusal is never a 5xx
        if (answered.Count == 0) yield break;
        var problems = answered.Where(e => e.Status >= 500)
            .Select(e => (e, $"answered {e.Status}, a server error")).ToList();
        yield return Judge(run, problems, "No server errors.");
    }
}
