namespace Conformance.Checks;

/// <summary>The endpoint exists and answers its first request with a 2xx status.</summary>
public sealed class EndpointAnswersCheck : Check
{
    public override string Id => "endpoint-answers";
    public override string Title => "Endpoint answers with a success status";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Primary is not { } first)
        {
            if (run.SkipReason is not null) yield return Skipped(run, run.SkipReason);
            yield break;
        }
        if (!first.Answered)
            yield return Violated(run, $"No answer from {first.Url}: {first.TransportError}.", [], first);
        else if (WantsCredentials(first, context))
            yield return Skipped(run, $"{run.Operation.Id} answered {first.Status}: it needs credentials (give them with --header or a vendor profile).");
        else if (!first.IsSuccess)
            yield return Violated(run, $"{run.Operation.Id} answered {first.Status}, not a 2xx success.", [], first);
        else
            yield return Satisfied(run, $"{run.Operation.Id} answered {first.Status}.", first);
    }
}
