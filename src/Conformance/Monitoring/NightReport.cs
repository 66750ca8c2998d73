namespace Conformance.Monitoring;

/// <summary>
/// What a monitoring run (or a merge of shards) writes beside the target folders: the dashboard, summary.md (for a
/// CI job summary), failures.json (tonight's failures in the baseline's shape) and, with a baseline,
/// baseline.next.json (the baseline less what no longer happens). Also judges the night for the job (<see cref="Assessment"/>).
/// </summary>
public static class NightReport
{
    public sealed record Written(Assessment Assessment, IReadOnlyList<RunDiff> Diffs, IReadOnlyList<string> Files);

    /// <param name="runs">Each target's run tonight.</param>
    /// <param name="history">Where earlier runs are looked up (trends, last pass, what changed); tonight's runs are in it already, if they could be recorded.</param>
    public static Written Write(string outDir, IReadOnlyList<RunRecord> runs, HistoryDatabase history, Baseline? baseline, FailOn? failOn, DateTimeOffset now)
    {
        var diffs = runs.Select(r => new RunDiff(history.Previous(r.Target, r.StartedAt), r)).ToList();
        var assessment = Assessment.Of(runs, failOn, baseline, r => history.Previous(r.Target, r.StartedAt), r => history.PreviousJudged(r.Target, r.StartedAt));
        var rows = Dashboard.Rows(runs, history, outDir);
        var files = new List<string> { Dashboard.Write(rows, outDir, now) };

        var summary = Path.Combine(outDir, "summary.md");
        File.WriteAllText(summary, MonitorSummary.Markdown(rows, assessment, diffs, now));
        files.Add(summary);

        var failures = Path.Combine(outDir, "failures.json");
        Baseline.Write(failures, Baseline.Of(runs));
        files.Add(failures);

        if (baseline is not null)
        {
            var next = Path.Combine(outDir, "baseline.next.json");
            Baseline.Write(next, baseline.Entries.Except(assessment.NoLongerSeen));
            files.Add(next);
        }
        return new Written(assessment, diffs, files);
    }
}
