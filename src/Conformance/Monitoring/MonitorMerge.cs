namespace Conformance.Monitoring;

/// <summary>
/// `conformance merge DIR...`: shard outputs joined into one. Each DIR is a monitor's output folder (its targets/ and
/// its own history.db); the merge copies every target's latest report folder, joins the runs into OUT/history.db
/// and the long-lived history (a run is stored once however often it is merged), and writes one dashboard and summary.
/// </summary>
public static class MonitorMerge
{
    public static NightReport.Written Run(IReadOnlyList<string> dirs, string outDir, string? historyPath, Baseline? baseline, FailOn? failOn)
    {
        var outFull = Directory.CreateDirectory(outDir).FullName;
        var latest = new Dictionary<string, (RunRecord Run, string From)>();
        var all = new List<RunRecord>();
        foreach (var dir in dirs)
        {
            var db = Path.Combine(dir, MonitorSession.OwnHistory);
            if (!File.Exists(db)) throw new ConfigurationException($"{dir} is not a monitor's output folder: it has no {MonitorSession.OwnHistory}.");
            using var shard = HistoryDatabase.Open(db);
            foreach (var run in shard.All())
            {
                all.Add(run);
                if (!latest.TryGetValue(run.Target, out var known) || known.Run.StartedAt < run.StartedAt) latest[run.Target] = (run, dir);
            }
        }
        foreach (var (run, from) in latest.Values.Where(l => l.Run.ReportDir is not null))
        {
            var source = Path.GetFullPath(Path.Combine(from, run.ReportDir!));
            var destination = Path.Combine(outFull, run.ReportDir!);
            if (Directory.Exists(source) && source != Path.GetFullPath(destination)) CopyFolder(source, destination);
        }

        using var own = HistoryDatabase.Open(Path.Combine(outFull, MonitorSession.OwnHistory));
        using var history = historyPath is null || Path.GetFullPath(historyPath) == own.Path ? null : HistoryDatabase.Open(historyPath);
        foreach (var run in all.OrderBy(r => r.StartedAt))
        {
            own.Record(run);
            history?.Record(run);
        }
        // Runs as stored here, so ids printed in the summary are this database's.
        var tonight = latest.Values.Select(l => (history ?? own).Find(l.Run.RunKey)!)
            .OrderBy(r => r.Target, StringComparer.Ordinal).ToList();
        return NightReport.Write(outFull, tonight, history ?? own, baseline, failOn, DateTimeOffset.UtcNow);
    }

    private static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
