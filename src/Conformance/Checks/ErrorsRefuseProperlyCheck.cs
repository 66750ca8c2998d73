using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// With --negative: an id no record has is answered 404, and an invalid page number is refused with a 4xx
/// (or ignored) but never answered with a server error.
/// </summary>
public sealed class ErrorsRefuseProperlyCheck : Check
{
    public const string CheckId = "errors-refuse-properly";
    public override string Id => CheckId;
    public override string Title => "Bad requests are refused, not failed";

    /// <summary>Which request made to fail an answer is.</summary>
    public enum Kind { UnknownId, InvalidPage }

    /// <summary>Sent only when asked for (--negative, or --probe negative).</summary>
    public override OptIn OptIn { get; } = new(OptIn.Negative, "requests made to fail: an unknown id (must be 404), an invalid page number (never a 5xx)");

    /// <summary>Once the operation has answered: an unknown id for a lookup, an invalid page number for a list.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (!run.Answered.Any(e => e.IsSuccess)) yield break;
        if (run.Role == OperationRole.Item && run.Requests.FirstOrDefault(r => r.RecordId is not null) is { } lookup)
            yield return new ProbeRequest("unknown id", context.Url(run.Operation.Path, NegativeProbes.UnknownIdLike(lookup.RecordId!))) { Tag = Kind.UnknownId };
        else if (run.Role == OperationRole.List && context.Profile.Pagination is { } p)
            yield return new ProbeRequest("invalid page number", context.Url(run.Operation.Path, null, $"{p.PageParameter}={NegativeProbes.InvalidPageValue}"))
                { Tag = Kind.InvalidPage };
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var sent = OwnRequests(run).ToList();
        if (sent.Count == 0) yield break;
        var probes = sent.Select(r => r.Exchange).ToList();
        var problems = new List<(Exchange, string)>();
        foreach (var (probe, tag) in sent.Select(r => (r.Exchange, r.Tag)))
        {
            if (!probe.Answered) problems.Add((probe, $"{probe.Purpose}: no answer ({probe.TransportError})"));
            else if (tag is Kind.UnknownId && probe.Status is not (404 or 410))
                problems.Add((probe, $"an unknown id was answered {probe.Status}, not 404"));
            else if (probe.Status >= 500)
                problems.Add((probe, $"an invalid page number was answered {probe.Status}, a server error"));
        }
        yield return Judge(run, problems, string.Join("; ", probes.Select(p => $"{p.Purpose}: {p.Status}")) + ".");
    }
}
