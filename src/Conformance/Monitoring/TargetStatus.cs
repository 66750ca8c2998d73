namespace Conformance.Monitoring;

/// <summary>How a target's turn in a monitoring run ended. Only <see cref="Completed"/> carries a judgement of the supplier.</summary>
public enum TargetStatus
{
    /// <summary>The run ended by itself: its verdict stands (an unreachable endpoint is a completed run whose verdict is error).</summary>
    Completed,
    /// <summary>The target used up its deadline: what was found is reported, but the run was cut short.</summary>
    TimedOut,
    /// <summary>The harness threw while testing it; the others went on.</summary>
    Crashed,
    /// <summary>Its vendor profile or spec could not be used (the same problems `run` exits 2 for).</summary>
    Misconfigured,
    /// <summary>Ctrl+C, SIGTERM or SIGHUP stopped the monitor before this target finished.</summary>
    Stopped,
}

public static class TargetStatuses
{
    public static string Name(this TargetStatus status) => status switch
    {
        TargetStatus.Completed => "completed",
        TargetStatus.TimedOut => "timed-out",
        TargetStatus.Crashed => "crashed",
        TargetStatus.Misconfigured => "misconfigured",
        _ => "stopped",
    };

    public static TargetStatus Parse(string name) =>
        Enum.GetValues<TargetStatus>().Cast<TargetStatus?>().FirstOrDefault(s => s!.Value.Name() == name)
        ?? throw new FormatException($"'{name}' is not a target status.");
}
