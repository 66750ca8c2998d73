using Conformance.Door;

namespace Conformance.Monitoring;

/// <summary>How a monitoring run treats its targets: how many at once, how long each may take.</summary>
public sealed record MonitorOptions
{
    public const int DefaultParallel = 4;
    public static readonly TimeSpan DefaultTargetDeadline = TimeSpan.FromMinutes(15);

    /// <summary>Targets tested at once. Each keeps its own politeness: its rate, one request at a time.</summary>
    public int Parallel { get; init; } = DefaultParallel;
    /// <summary>A target's deadline unless its vendor profile sets limits.deadline_seconds.</summary>
    public TimeSpan TargetDeadline { get; init; } = DefaultTargetDeadline;
    /// <summary>How long past its deadline (or a stop) a target that gives no answer at all is waited for before it is left behind.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The door each target's run goes through: the catalogue, how to start a reference implementation, the limits.</summary>
    public required RunDoor Door { get; init; }
}

/// <summary>A target has finished: the running count, its record, and how long it took.</summary>
public sealed record TargetFinished(int Done, int Total, RunRecord Run, TimeSpan Took);
