using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>
/// The endpoint exists and answers its first request with a 2xx status. Each symptom has one owner, so a
/// defect is blamed once: a 5xx is no-server-error's, and a looked-up id that does not resolve is id-resolves'.
/// A redirect the probe would not follow (another origin, too many) is no answer to judge: an error, not a failure.
/// </summary>
public sealed class EndpointAnswersCheck : Check
{
    public const string CheckId = "endpoint-answers";
    public override string Id => CheckId;
    public override string Title => "Endpoint answers with a success status";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Primary is not { } first)
        {
            if (run.SkipReason is not null && !run.NotApplicable) yield return Skipped(run, run.SkipReason);
            yield break;
        }
        if (!first.Answered)
            yield return Violated(run, $"No answer from {first.Url}: {first.TransportError}.", [], first);
        else if (first.RedirectNotFollowed is { } why)
            yield return Error(run, $"{run.Operation.Id} answered {first.Status} and could not be judged: {why}. If that is where the API is, test it there with --url.", first);
        else if (first.Throttled)
            yield return Skipped(run, $"{run.Operation.Id} answered {first.Status} and asked the harness to wait longer than it will: throttled, not tested.");
        else if (first.Status >= 500)
            yield return Skipped(run, $"{run.Operation.Id} answered {first.Status}: see no-server-error.");
        else if (run.Role == OperationRole.Item && run.Reads.First().RecordId is not null && context.Profile.ClauseFor(IdResolvesCheck.CheckId) is not null)
            yield return run.Reads.FirstOrDefault(r => r.Exchange is { Answered: true, IsSuccess: true }) is { Exchange: var resolved } read
                ? Satisfied(run, $"{run.Operation.Id} answered {resolved.Status} for id {read.RecordId}.", resolved)
                : Skipped(run, $"No listed id could be fetched from {run.Operation.Id}: see id-resolves.");
        else if (MadeUp(run, first) is { } guessed)
            yield return Skipped(run, $"{run.Operation.Id} answered {first.Status} to values the harness took from the document, not from you ({guessed}): "
                                      + "the harness could not make a request the server accepts, which is no fault of the server's; give values under operation_parameters in a vendor profile.");
        else if (WantsCredentials(first, context))
            yield return Skipped(run, $"{run.Operation.Id} answered {first.Status}: it needs credentials (give them with --header or a vendor profile).");
        else if (!first.IsSuccess)
            yield return Violated(run, $"{run.Operation.Id} answered {first.Status}, not a 2xx success.", [], first);
        else
            yield return Satisfied(run, $"{run.Operation.Id} answered {first.Status}.", first);
    }

    /// <summary>
    /// The values the harness made up, where the server refused them as a bad request (400, 422) or, for a made-up path
    /// value, found nothing there (404): the harness's problem, not the server's failure.
    /// </summary>
    private static string? MadeUp(OperationRun run, Http.Exchange first) =>
        run.Guessed.Count > 0 && (first.Status is 400 or 422 || (first.Status == 404 && run.Guessed.Any(g => g.In == "path")))
            ? string.Join(", ", run.Guessed) : null;
}
