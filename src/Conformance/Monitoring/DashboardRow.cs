namespace Conformance.Monitoring;

/// <summary>One supplier on the dashboard: its latest run, and what history says about it.</summary>
public sealed record DashboardRow
{
    public required string Target { get; init; }
    public required string Vendor { get; init; }
    public required string Product { get; init; }
    public required string Standard { get; init; }
    public required string Url { get; init; }
    public required string Verdict { get; init; }
    public required string Status { get; init; }
    public string? Message { get; init; }
    /// <summary>Failing results by clause, most first.</summary>
    public required IReadOnlyList<ClauseCount> FailuresByClause { get; init; }
    public int Warnings { get; init; }
    /// <summary>Read operations covered, of those planned.</summary>
    public int Covered { get; init; }
    public int Planned { get; init; }
    public required DateTimeOffset LastRun { get; init; }
    public DateTimeOffset? LastPass { get; init; }
    /// <summary>The last runs' verdicts, oldest first.</summary>
    public required IReadOnlyList<TrendPoint> Trend { get; init; }
    /// <summary>What changed since the supplier's previous run.</summary>
    public SupplierChange Change { get; init; } = new("first-run", null, null, [], [], 0);
    /// <summary>The run's report, relative to the dashboard's folder; null when none was written.</summary>
    public string? Report { get; init; }
}

public sealed record ClauseCount(string Clause, int Count);

public sealed record TrendPoint(DateTimeOffset At, string Verdict);
