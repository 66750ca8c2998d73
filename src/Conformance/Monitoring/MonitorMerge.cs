using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// `conformance merge DIR...`: shard outputs joined into one. Each DIR is a monitor's output folder (its targets/ and
/// its own history.db); the merge copies every target's latest report folder, joins the runs into OUT/history.db
/// and the long-lived history (a run is stored once however often it is merged), and writes one dashboard and summary.
/// A shard's database is outside text like any other: a report folder it names is copied only when it is a folder
/// under the shard's targets/ with a safe name (<see cref="SafeName"/>), into the same place under OUT, and never over
/// another target's; any other is refused, said, and forgotten (the run is kept without a report folder).
/// </summary>
public static class MonitorMerge
{
    public static NightReport.Written Run(IReadOnlyList<string> dirs, string outDir, string? historyPath, Baseline? baseline, FailOn? failOn)
    {
        var outFull = Directory.CreateDirectory(outDir).FullName;
        var latest = new Dictionary<string, (RunRecord Run, string From)>();
        var all = new List<RunRecord>();
        var problems = new List<string>();
        foreach (var dir in dirs)
        {
            var db = Path.Combine(dir, MonitorSession.OwnHistory);
            if (!File.Exists(db)) throw new ConfigurationException($"{dir} is not a monitor's output folder: it has no {MonitorSession.OwnHistory}.");
            using var shard = HistoryDatabase.Open(db);
            foreach (var stored in shard.All())
            {
                var run = stored;
                if (run.ReportDir is not null && FolderOf(run.ReportDir) is null)
                {
                    problems.Add($"{dir}: the report folder of {run.Target} ('{run.ReportDir}') is not a folder under targets/: not copied.");
                    run = run with { ReportDir = null };
                }
                all.Add(run);
                if (!latest.TryGetValue(run.Target, out var known) || known.Run.StartedAt < run.StartedAt) latest[run.Target] = (run, dir);
            }
        }
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (run, from) in latest.Values.Where(l => l.Run.ReportDir is not null).OrderBy(l => l.Run.Target, StringComparer.Ordinal))
        {
            var folder = FolderOf(run.ReportDir!)!;
            if (!taken.Add(folder))
            {
                problems.Add($"{from}: the reports of {run.Target} are in targets/{folder}, where another target's are: not copied.");
                continue;
            }
            try
            {
                var source = Contained.Path(from, "targets", folder);
                var destination = Contained.Path(outFull, "targets", folder);
                if (Directory.Exists(source) && source != destination) CopyFolder(source, outFull, folder);
            }
            catch (PathOutsideException e)
            {
                problems.Add($"{from}: the reports of {run.Target} were not copied: {e.Message}");
            }
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
        return NightReport.Write(outFull, tonight, history ?? own, baseline, failOn, DateTimeOffset.UtcNow, problems);
    }

    /// <summary>The folder name in a report folder of the form targets/NAME with a safe NAME; null for anything else.</summary>
    private static string? FolderOf(string reportDir) =>
        reportDir.Split('/', '\\') is ["targets", var name] && SafeName.IsSafe(name) ? name : null;

    /// <summary>A target's folder copied file by file; links are not followed (they could lead anywhere), every path stays in OUT.</summary>
    private static void CopyFolder(string source, string outFull, string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        foreach (var file in Directory.EnumerateFiles(source, "*", options))
        {
            var target = Contained.Path(outFull, ["targets", folder, .. Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar)]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
