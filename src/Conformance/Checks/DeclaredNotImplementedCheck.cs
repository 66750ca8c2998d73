using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// An optional endpoint the vendor declares not implemented refuses properly, with 404, 410 (gone for good) or
/// 501: not a 5xx, and not a 2xx that would contradict the declaration (an empty list looks like an empty feed).
/// An /{id} endpoint is asked for an id its list really gave, where there is one, so a 404 means absent.
/// </summary>
public sealed class DeclaredNotImplementedCheck : Check
{
    public const string CheckId = "declared-not-implemented";
    public override string Id => CheckId;
    public override string Title => "An endpoint declared not implemented refuses properly";

    /// <summary>The one request an endpoint declared absent gets: for an /{id} endpoint, with an id its list gave where there is one.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (!run.DeclaredAbsent) yield break;
        var parameters = TargetUrls.ParameterNames(run.Operation.Path).ToList();
        var real = parameters.Count == 0 || TargetUrls.ParentList(run.Operation.Path) is not { } parent ? null
            : AnswerRecords.IdsFor(context.Listed.GetValueOrDefault(parent) ?? [], parameters[^1]).FirstOrDefault();
        yield return new ProbeRequest("declared not implemented",
            context.Url(TargetUrls.Fill(run.Operation.Path, context.PathValues), parameters.Count > 0 ? real ?? TargetUrls.AbsentId : null));
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (!run.DeclaredAbsent || OwnRequests(run).FirstOrDefault()?.Exchange is not { } probe) yield break;
        var problem = probe switch
        {
            { Answered: false } => $"no answer: {probe.TransportError}",
            { Status: 404 or 410 or 501 } => null,
            { IsSuccess: true } => $"answered {probe.Status} although the vendor declares it not implemented; it should answer 404, 410 or 501",
            _ => $"answered {probe.Status}; an endpoint declared not implemented should answer 404, 410 or 501",
        };
        var problems = problem is null ? new List<(Exchange, string)>() : [(probe, problem)];
        yield return Judge(run, problems, $"Declared not implemented, it answered {probe.Status}.");
    }
}
