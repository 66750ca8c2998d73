using Conformance.Checks;
using Conformance.Evidence;

namespace Conformance.Running;

/// <summary>
/// Sends the requests checks declare for an operation (<see cref="Check.Probes"/>), each as its check's own, and only
/// for a check whose opt-in group the run asked for, if it has one (<see cref="Check.OptIn"/>): the runner knows no
/// check by name. A check that cannot plan its requests is noted, never the end of the run.
/// </summary>
internal sealed class CheckProbes(ProbeContext context, IReadOnlySet<string> optIns, List<string> notes)
{
    public async Task<OperationRun> SendAsync(OperationRun run, IEnumerable<Check> checks, Sending sending)
    {
        if (run.SkipReason is not null) return run;
        var requests = new OperationRequests(sending, context.Spec, run.Operation, run.Format, run.Headers);
        foreach (var check in checks.Where(c => c.OptIn is null || optIns.Contains(c.OptIn.Name)))
        {
            List<ProbeRequest> planned;
            try
            {
                planned = check.Probes(run, context).ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"{check.Id} could not plan its requests for {run.Operation.Id} ({e.GetType().Name}: {e.Message}).");
                continue;
            }
            // Each request may ask for a further one from its answer (the next page of a filtered list).
            foreach (var first in planned)
                for (var request = first; request is not null;)
                {
                    if ((request.Write is not null || request.Form is not null) && !context.WritesAllowed)
                    {
                        notes.Add($"{check.Id} planned a write ({request.Purpose}) without --allow-writes: not sent.");
                        break;
                    }
                    var answer = await requests.SendAsync(request, check);
                    request = request.Then?.Invoke(answer.Exchange);
                }
        }
        return requests.Sent.Count == 0 ? run : run with { Requests = [.. run.Requests, .. requests.Sent] };
    }
}
