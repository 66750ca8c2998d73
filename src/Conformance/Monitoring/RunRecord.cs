using Conformance.Http;
using Conformance.Running;

namespace Conformance.Monitoring;

/// <summary>
/// One target's run as history keeps it, whether it was judged or not: who and what was tested, with which profile,
/// spec and harness, when, the verdict, coverage and every result. Written with secrets masked; never holds evidence
/// bodies (those stay in the target's report folder).
/// </summary>
public sealed record RunRecord
{
    /// <summary>The history database's row id; 0 until stored, and local to one database.</summary>
    public long Id { get; init; }
    /// <summary>Unique across machines, so shards merged twice are stored once.</summary>
    public required string RunKey { get; init; }
    public required string Target { get; init; }
    public required string Url { get; init; }
    public string Vendor { get; init; } = "";
    public string Product { get; init; } = "";
    public string Standard { get; init; } = "";
    public string StandardName { get; init; } = "";
    public string ProfileDigest { get; init; } = "";
    public string SpecDigest { get; init; } = "";
    public string HarnessVersion { get; init; } = Door.RunDoor.HarnessVersion;
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required string Verdict { get; init; }
    public required TargetStatus Status { get; init; }
    /// <summary>Why the run did not end normally (timed out, crashed, misconfigured, stopped, cut short), or null.</summary>
    public string? Message { get; init; }
    /// <summary>The target's report folder, relative to the monitor's output folder (targets/ID), or null when nothing was written.</summary>
    public string? ReportDir { get; init; }
    public int RequestsSent { get; init; }
    public IReadOnlyList<RecordedResult> Results { get; init; } = [];
    public IReadOnlyList<RecordedCoverage> Coverage { get; init; } = [];

    public bool Passed => Verdict is Running.Verdict.Pass or Running.Verdict.PassWithWarnings;

    /// <summary>A verdict on the supplier, good or bad: not cut short, not error, not inconclusive.</summary>
    public bool Judged => Status == TargetStatus.Completed && Verdict is Running.Verdict.Pass or Running.Verdict.PassWithWarnings or Running.Verdict.Fail;

    public IEnumerable<RecordedResult> Failures => Results.Where(r => r.Outcome == OutcomeName(Outcome.Fail));

    public IEnumerable<RecordedResult> Warnings => Results.Where(r => r.Outcome == OutcomeName(Outcome.Warning));

    /// <summary>Read operations covered (no gap) and read operations planned.</summary>
    public (int Covered, int Planned) ReadsCovered => (Coverage.Count(c => c.Read && c.Gap is null), Coverage.Count(c => c.Read));

    public static string OutcomeName(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>A finished run, its messages and URL masked as every report masks them.</summary>
    public static RunRecord Of(MonitorTarget target, TargetStatus status, RunResult result, string profileDigest, string vendor, string product, string? reportDir)
    {
        string Masked(string text) => Redaction.Mask(text, result.Secrets);
        return new RunRecord
        {
            RunKey = Guid.NewGuid().ToString("N"),
            Target = target.Id,
            Url = Masked(result.Target),
            Vendor = vendor,
            Product = product,
            Standard = result.StandardId,
            StandardName = result.StandardName,
            ProfileDigest = profileDigest,
            SpecDigest = result.SpecDigest,
            StartedAt = result.StartedAt,
            FinishedAt = result.FinishedAt,
            Verdict = status == TargetStatus.Completed ? result.Verdict : Running.Verdict.Error,
            Status = status,
            Message = result.Aborted is null ? null : Masked(result.Aborted),
            ReportDir = reportDir,
            RequestsSent = result.RequestsSent,
            Results = result.Results.Select(r => new RecordedResult(r.Check, r.Clause, r.Level.ToString().ToUpperInvariant(), r.Operation,
                r.Tier.ToString().ToLowerInvariant(), OutcomeName(r.Outcome), Masked(r.Message))).ToList(),
            Coverage = result.Coverage.Select(c => new RecordedCoverage(c.Operation, c.Tier.ToString().ToLowerInvariant(), c.Read, c.Requests, c.Answered,
                c.RecordsValidated, c.IdsLookedUp, c.Gap is null ? null : Masked(c.Gap))).ToList(),
        };
    }

    /// <summary>A target that produced no result: it hung past any answer, crashed the harness, or could not be set up.</summary>
    public static RunRecord Unjudged(MonitorTarget target, TargetStatus status, string message, DateTimeOffset started, string url = "",
        string profileDigest = "", string vendor = "", string product = "", string standard = "") => new()
    {
        RunKey = Guid.NewGuid().ToString("N"),
        Target = target.Id,
        Url = url,
        Vendor = vendor,
        Product = product,
        Standard = standard,
        ProfileDigest = profileDigest,
        StartedAt = started,
        FinishedAt = DateTimeOffset.UtcNow,
        Verdict = Running.Verdict.Error,
        Status = status,
        Message = message,
    };
}
