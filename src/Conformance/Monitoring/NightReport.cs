using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// What a monitoring run (or a merge of shards) writes beside the target folders: the dashboard, summary.md (for a
/// CI job summary), failures.json (tonight's failures in the baseline's shape) and, with a baseline,
/// baseline.next.json (the baseline less what no longer happens). Also judges the night for the job (<see cref="Assessment"/>).
/// Each file is written on its own: one that cannot be written is named (in <see cref="Written.Problems"/>, and in
/// summary.md unless that is the one) and the others are still written.
/// </summary>
public static class NightReport
{
    /// <param name="Problems">Files that could not be written, and what else went wrong on the way (a shard folder not copied), in words.</param>
    public sealed record Written(Assessment Assessment, IReadOnlyList<RunDiff> Diffs, IReadOnlyList<string> Files, IReadOnlyList<string> Problems);

    /// <param name="runs">Each target's run tonight.</param>
    /// <param name="history">Where earlier runs are looked up (trends, last pass, what changed); tonight's runs are in it already, if they could be recorded.</param>
    /// <param name="problems">What went wrong before (a merge's refusals), to be said with the rest.</param>
    public static Written Write(string outDir, IReadOnlyList<RunRecord> runs, HistoryDatabase history, Baseline? baseline, FailOn? failOn, DateTimeOffset now,
        IReadOnlyList<string>? problems = null)
    {
        var diffs = runs.Select(r => new RunDiff(history.Previous(r.Target, r.StartedAt), r)).ToList();
        var assessment = Assessment.Of(runs, failOn, baseline, r => history.Previous(r.Target, r.StartedAt), r => history.PreviousJudged(r.Target, r.StartedAt));
        var rows = Dashboard.Rows(runs, history, outDir);
        var said = new List<string>(problems ?? []);

        string? Try(string name, Func<string> write)
        {
            try
            {
                return write();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                said.Add($"{name} was not written: {e.Message}");
                return null;
            }
        }

        var dashboard = Try("the dashboard", () => Dashboard.Write(rows, outDir, now));
        var failures = Try("failures.json", () =>
        {
            var path = Contained.Path(outDir, "failures.json");
            Baseline.Write(path, Baseline.Of(runs));
            return path;
        });
        var next = baseline is null ? null : Try("baseline.next.json", () =>
        {
            var path = Contained.Path(outDir, "baseline.next.json");
            Baseline.Write(path, baseline.Entries.Except(assessment.NoLongerSeen));
            return path;
        });
        // Written last, so it names whatever else could not be written.
        var summary = Try("summary.md", () =>
        {
            var path = Contained.Path(outDir, "summary.md");
            File.WriteAllText(path, MonitorSummary.Markdown(rows, assessment, diffs, now, said));
            return path;
        });
        var files = new[] { dashboard, summary, failures, next }.OfType<string>().ToList();
        return new Written(assessment, diffs, files, said);
    }
}
