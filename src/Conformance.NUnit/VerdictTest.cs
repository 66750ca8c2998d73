using System.Text;
using Conformance.Http;
using Conformance.Running;
using NUnit.Framework.Interfaces;

namespace Conformance.NUnit;

/// <summary>
/// The run as a whole: passes only on pass or pass-with-warnings, as the CLI exits 0 only then (inconclusive and error
/// fail here as they exit 3). Its message is the summary a reader needs beside the single results.
/// </summary>
internal sealed class VerdictTest(RunResult run) : SuiteTest(TestName)
{
    public const string TestName = "Verdict";

    public RunResult Run => run;

    public override (TestStatus Status, string Message) Conclusion =>
        (Verdict.ExitCode(run.Verdict) == 0 ? TestStatus.Passed : TestStatus.Failed, Redaction.Mask(Message(), run.Secrets));

    private string Message()
    {
        var text = new StringBuilder($"Verdict: {run.Verdict}, {run.StandardName} at {run.Target}\n");
        text.Append($"Results: {run.Count(Outcome.Pass)} pass, {run.Count(Outcome.Warning)} warning, {run.Count(Outcome.Fail)} fail, "
                    + $"{run.Count(Outcome.Skipped)} skipped, {run.Count(Outcome.Error)} error, {run.Count(Outcome.Info)} info; {run.RequestsSent} requests\n");
        if (run.Aborted is not null) text.Append($"Stopped early: {run.Aborted}\n");
        if (run.Client is { } client) text.Append($"Client: a {client.Role}, playing {client.Scenario} ({client.ScenarioTitle})\n");
        text.Append(run.Client is null ? "Coverage:\n" : "Scenario steps:\n");
        foreach (var c in run.Coverage.Where(_ => run.Client is not null))
            text.Append($"  {c.Operation}: {c.Requests} asked, {c.Answered} answered{(c.Gap is null ? ", done" : $"; {c.Gap}")}\n");
        foreach (var c in run.Coverage.Where(_ => run.Client is null))
            text.Append($"  {c.Operation} ({c.Tier.ToString().ToLowerInvariant()}): {c.Requests} sent, {c.Answered} answered, "
                        + $"{c.RecordsValidated} records validated, {c.IdsLookedUp} ids looked up{(c.Gap is null ? "" : $"; not covered: {c.Gap}")}\n");
        var gaps = run.Coverage.Where(c => c.IsGap).ToList();
        if (gaps.Count > 0) text.Append($"No pass can rest on: {string.Join("; ", gaps.Select(g => $"{g.Operation} ({g.Gap})"))}\n");
        foreach (var clause in run.ManualClauses) text.Append($"Check by hand: {clause.Id} ({clause.Level.ToString().ToUpperInvariant()}): {clause.Statement}\n");
        foreach (var note in run.Notes) text.Append($"Note: {note}\n");
        if (run.Seed is { } seed) text.Append($"Seed: {seed} (conformance run --seed {seed} samples the same pages)\n");
        return text.ToString().TrimEnd();
    }
}
