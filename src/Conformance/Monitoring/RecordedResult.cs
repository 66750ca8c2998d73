namespace Conformance.Monitoring;

/// <summary>One check result as history keeps it: its identity (check, clause, operation), its outcome and message (secrets masked).</summary>
public sealed record RecordedResult(string Check, string Clause, string Level, string Operation, string Tier, string Outcome, string Message)
{
    /// <summary>What makes two nights' results the same finding.</summary>
    public FindingKey Key => new(Check, Clause, Operation);
}

/// <summary>A finding's identity across runs: baselines and diffs compare by it.</summary>
public sealed record FindingKey(string Check, string Clause, string Operation)
{
    public override string ToString() => $"{Check} on {Operation} ({Clause})";
}
