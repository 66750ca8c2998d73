using Conformance.Monitoring;

namespace Conformance.Tests.Monitoring;

/// <summary>Run records made by hand, and temporary folders, for the monitoring tests.</summary>
public static class MonitoringFixtures
{
    public static readonly DateTimeOffset Night1 = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static RecordedResult Result(string check, string outcome, string operation = "GET /services", string clause = "ORUK-3.0/x") =>
        new(check, clause, "MUST", operation, "required", outcome, $"{check} said {outcome}");

    public static RunRecord Run(string target, DateTimeOffset at, string verdict, params RecordedResult[] results) => new()
    {
        RunKey = Guid.NewGuid().ToString("N"),
        Target = target,
        Url = $"http://127.0.0.1/{target}",
        Standard = "oruk-3.0",
        StartedAt = at,
        FinishedAt = at.AddSeconds(5),
        Verdict = verdict,
        Status = TargetStatus.Completed,
        Results = results,
        Coverage = [new RecordedCoverage("GET /services", "required", true, 3, 3, 50, 0, null), new RecordedCoverage("GET /services/{id}", "required", true, 3, 3, 3, 3, null)],
    };

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "conformance-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
