namespace Conformance.Monitoring;

/// <summary>
/// `conformance monitor` without the console: run the targets, record them (in the output folder's own history.db,
/// the shard's record that `merge` reads, and in the long-lived history), then write the night's report. A history
/// that cannot be used costs the trends and the comparison, never the reports.
/// </summary>
public static class MonitorSession
{
    public sealed record Settings
    {
        public required IReadOnlyList<MonitorTarget> Targets { get; init; }
        public required string OutDir { get; init; }
        public string HistoryPath { get; init; } = HistoryDatabase.DefaultPath;
        public Baseline? Baseline { get; init; }
        public FailOn? FailOn { get; init; }
        public required MonitorOptions Options { get; init; }
    }

    /// <param name="HistoryProblem">Why the history could not be read or written, if it could not.</param>
    public sealed record Outcome(IReadOnlyList<RunRecord> Runs, NightReport.Written Report, string? HistoryProblem);

    public const string OwnHistory = "history.db";

    public static async Task<Outcome> RunAsync(Settings settings, IProgress<TargetFinished>? progress = null, CancellationToken stop = default)
    {
        var outDir = Directory.CreateDirectory(settings.OutDir).FullName;
        using var own = HistoryDatabase.Open(Path.Combine(outDir, OwnHistory));
        string? problem = null;
        HistoryDatabase? history = null;
        if (Path.GetFullPath(settings.HistoryPath) != own.Path)
        {
            try
            {
                history = HistoryDatabase.Open(settings.HistoryPath);
            }
            catch (HistoryException e)
            {
                problem = e.Message;
            }
        }
        using var _ = history;

        var runs = (await TargetRunner.RunAsync(settings.Targets, outDir, settings.Options, progress, stop)).ToList();
        // A target stopped half-way says nothing about the supplier: it is reported, not remembered.
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Status == TargetStatus.Stopped) continue;
            var id = own.Record(runs[i]);
            if (history is not null && problem is null)
            {
                try
                {
                    id = history.Record(runs[i]);
                }
                catch (HistoryException e)
                {
                    problem = e.Message;
                }
            }
            runs[i] = runs[i] with { Id = id }; // the id `history` and `diff` show
        }
        NightReport.Written report;
        try
        {
            report = NightReport.Write(outDir, runs, problem is null ? history ?? own : own, settings.Baseline, settings.FailOn, DateTimeOffset.UtcNow);
        }
        catch (HistoryException e) when (problem is null && history is not null)
        {
            problem = e.Message; // unreadable after all: tonight's report stands on tonight alone
            report = NightReport.Write(outDir, runs, own, settings.Baseline, settings.FailOn, DateTimeOffset.UtcNow);
        }
        return new Outcome(runs, report, problem);
    }
}
