namespace Conformance.Monitoring;

/// <summary>
/// What changed for one target between two runs: failures that are new, fixed or still there, and warnings that
/// came or went. Findings are the same when their check, clause and operation are (<see cref="FindingKey"/>).
/// </summary>
public sealed record RunDiff(RunRecord? Before, RunRecord After)
{
    public string Target => After.Target;

    public IReadOnlyList<RecordedResult> NewFailures => Except(After.Failures, Before?.Failures);
    public IReadOnlyList<RecordedResult> Fixed => Except(Before?.Failures ?? [], After.Failures);
    public IReadOnlyList<RecordedResult> StillFailing => After.Failures.Where(f => Keys(Before?.Failures).Contains(f.Key)).DistinctBy(f => f.Key).ToList();
    public IReadOnlyList<RecordedResult> NewWarnings => Except(After.Warnings, Before?.Warnings);
    public IReadOnlyList<RecordedResult> GoneWarnings => Except(Before?.Warnings ?? [], After.Warnings);

    public bool VerdictChanged => Before is not null && Before.Verdict != After.Verdict;

    public bool Changed => VerdictChanged || NewFailures.Count + Fixed.Count + NewWarnings.Count + GoneWarnings.Count > 0;

    private static List<RecordedResult> Except(IEnumerable<RecordedResult> these, IEnumerable<RecordedResult>? those)
    {
        var known = Keys(those);
        return these.Where(r => !known.Contains(r.Key)).DistinctBy(r => r.Key).ToList();
    }

    private static HashSet<FindingKey> Keys(IEnumerable<RecordedResult>? results) => (results ?? []).Select(r => r.Key).ToHashSet();
}
