namespace Conformance.Monitoring;

/// <summary>A failure everybody already knows about: on this target (its name), by this check, under this clause, on this operation.</summary>
public sealed record BaselineEntry(string Target, string Check, string Clause, string Operation, string? Note = null)
{
    public FindingKey Key => new(Check, Clause, Operation);

    public bool Covers(RunRecord run, RecordedResult failure) =>
        (Target == run.Target || Target == run.Url) && Key == failure.Key;
}
