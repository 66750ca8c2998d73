using Conformance.Http;

namespace Conformance.Running;

/// <summary>
/// When a run stops before the end, and why, in words for the report: the user stopped it, its own deadline passed
/// (it stops like a cancellation, and says so), the target never answered, the harness could not authenticate, or the
/// server kept throttling it.
/// </summary>
internal sealed class RunStop : IDisposable
{
    private readonly CancellationToken _stop;
    private readonly TimeSpan? _deadline;
    private readonly CancellationTokenSource _stopped;

    public RunStop(CancellationToken stop, TimeSpan? deadline)
    {
        _stop = stop;
        _deadline = deadline;
        _stopped = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (deadline is { } limit) _stopped.CancelAfter(limit);
    }

    /// <summary>Cancelled by the user's stop or by the deadline.</summary>
    public CancellationToken Token => _stopped.Token;

    /// <summary>Why a cancelled run stopped.</summary>
    public string Why() => _stop.IsCancellationRequested || _deadline is null
        ? "the run was cancelled."
        : $"the run reached its deadline ({_deadline.Value.TotalSeconds:0.#} s, --deadline) before it could test everything.";

    /// <summary>The target never answered anything yet: nothing more can be tested.</summary>
    public static string Unreachable(Uri target, Exchange first) => $"{target} could not be reached ({first.TransportError}).";

    /// <summary>Why the run cannot go on after these exchanges: the harness could not authenticate, or the server keeps throttling it.</summary>
    public static string? ReasonIn(IEnumerable<Exchange> exchanges)
    {
        foreach (var exchange in exchanges)
        {
            if (exchange.TransportError?.StartsWith(Probe.NoToken) == true)
                return $"the harness could not authenticate ({exchange.TransportError}).";
            if (exchange.Throttled)
                return $"the server kept throttling the harness ({exchange.Status} on {exchange.Url}); try a lower --rate.";
        }
        return null;
    }

    public void Dispose() => _stopped.Dispose();
}
