namespace Conformance.Monitoring;

/// <summary>
/// The night's judgement for the job: the failures that count under <see cref="FailOn"/>, the targets that could not be
/// judged and count, and the baseline entries that no longer happen.
/// </summary>
public sealed record Assessment(
    FailOn FailOn,
    IReadOnlyList<(RunRecord Run, RecordedResult Failure)> CountedFailures,
    IReadOnlyList<(RunRecord Run, RecordedResult Failure)> KnownFailures,
    IReadOnlyList<RunRecord> Untested,
    IReadOnlyList<BaselineEntry> NoLongerSeen)
{
    /// <param name="previous">Each target's previous run in history, judged or not (null for a first run).</param>
    /// <param name="previousJudged">Each target's previous judged run, what "new" is measured against without a baseline.</param>
    public static Assessment Of(IReadOnlyList<RunRecord> runs, FailOn? failOn, Baseline? baseline,
        Func<RunRecord, RunRecord?> previous, Func<RunRecord, RunRecord?> previousJudged)
    {
        var mode = failOn ?? (baseline is null ? FailOn.Any : FailOn.New);
        var counted = new List<(RunRecord, RecordedResult)>();
        var known = new List<(RunRecord, RecordedResult)>();
        var untested = new List<RunRecord>();
        foreach (var run in runs)
        {
            var before = mode == FailOn.New && baseline is null ? previousJudged(run) : null;
            foreach (var failure in run.Failures.DistinctBy(f => f.Key))
            {
                var isKnown = mode == FailOn.New && (baseline?.Covers(run, failure) ?? before?.Failures.Any(f => f.Key == failure.Key) ?? false);
                (isKnown ? known : counted).Add((run, failure));
            }
            // A supplier down two nights running is no news under "new"; one down for the first time is.
            if (run.Verdict != Running.Verdict.Fail && !run.Judged && (mode == FailOn.Any || previous(run) is not { } last || last.Judged))
                untested.Add(run);
        }
        return new Assessment(mode, counted, known, untested, baseline?.NoLongerSeen(runs) ?? []);
    }

    public bool Failed => CountedFailures.Count > 0;

    public bool CouldNotTest => Untested.Count > 0;
}
