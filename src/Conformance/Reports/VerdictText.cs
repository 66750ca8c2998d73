using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// The verdict in words, for readers who do not know what "pass-with-warnings" or "inconclusive" commit to. Only our
/// own words and counts: why a run stopped (<see cref="RunResult.Aborted"/>) may quote the server, and is shown apart.
/// </summary>
public static class VerdictText
{
    public static string Sentence(RunResult result)
    {
        var failed = result.Results.Where(r => r.Outcome == Outcome.Fail).ToList();
        var gaps = result.Coverage.Count(c => c.IsGap);
        if (result.Client is { } client)
            return result.Verdict switch
            {
                Verdict.Pass => $"The client conforms: every automated check passed on every request it sent, and it completed {client.Scenario}.",
                Verdict.Inconclusive => $"Inconclusive: nothing the client sent failed, but it did not do {Count(gaps, "step")} of {client.Scenario}, so no pass can rest on this run.",
                Verdict.Fail => $"The client does not conform: {Count(failed.Select(r => r.Clause).Distinct().Count(), "MUST rule")} broken in its requests ({Count(failed.Count, "failing result")}).",
                _ => SentenceOf(result, failed, gaps),
            };
        return SentenceOf(result, failed, gaps);
    }

    private static string SentenceOf(RunResult result, List<CheckResult> failed, int gaps)
    {
        return result.Verdict switch
        {
            Verdict.Pass => "Conforms: every automated check passed on every endpoint tested.",
            Verdict.PassWithWarnings =>
                $"Conforms, with warnings: no MUST rule is broken on a required endpoint, but {Count(result.Count(Outcome.Warning), "warning")} "
                + $"and {Count(result.Count(Outcome.Error), "result")} the harness could not judge concern SHOULD rules or optional endpoints.",
            Verdict.Fail =>
                $"Does not conform: {Count(failed.Select(r => r.Clause).Distinct().Count(), "MUST rule")} broken on required endpoints "
                + $"({Count(failed.Count, "failing result")}).",
            Verdict.Inconclusive =>
                $"Inconclusive: nothing failed, but {Count(gaps, "required part")} could not be covered, so no pass can rest on this run.",
            _ when result.Aborted is not null => "Could not be tested: the run stopped before it could judge the API.",
            _ => $"Could not be tested: the harness could not judge {Count(result.Results.Count(r => r.Outcome == Outcome.Error && r.Tier == Standards.Tier.Required), "result")} on required endpoints.",
        };
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
