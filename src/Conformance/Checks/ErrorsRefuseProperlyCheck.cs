using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>
/// With --negative: an id no record has is answered 404, and an invalid page number is refused with a 4xx
/// (or ignored) but never answered with a server error.
/// </summary>
public sealed class ErrorsRefuseProperlyCheck : Check
{
    public override string Id => NegativeProbes.Check;
    public override string Title => "Bad requests are refused, not failed";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var probes = run.Exchanges.Where(e => e.OwnedBy == Id).ToList();
        if (probes.Count == 0) yield break;
        var problems = new List<(Exchange, string)>();
        foreach (var probe in probes)
        {
            if (!probe.Answered) problems.Add((probe, $"{probe.Purpose}: no answer ({probe.TransportError})"));
            else if (probe.Purpose == NegativeProbes.UnknownId && probe.Status is not (404 or 410))
                problems.Add((probe, $"an unknown id was answered {probe.Status}, not 404"));
            else if (probe.Status >= 500)
                problems.Add((probe, $"an invalid page number was answered {probe.Status}, a server error"));
        }
        yield return Judge(run, problems, string.Join("; ", probes.Select(p => $"{p.Purpose}: {p.Status}")) + ".");
    }
}
