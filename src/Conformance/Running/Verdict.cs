using Conformance.Checks;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// The verdict rules. A broken MUST on a required endpoint fails the run; anything else broken is a
/// warning, so optional endpoints and SHOULD clauses never sink a vendor.
/// </summary>
public static class Verdict
{
    public const string Pass = "pass";
    public const string PassWithWarnings = "pass-with-warnings";
    public const string Fail = "fail";
    public const string Error = "error";
    /// <summary>Nothing failed, but a required part could not be covered: no pass can rest on it.</summary>
    public const string Inconclusive = "inconclusive";

    /// <summary>Every verdict's name: the words a report may show as they are.</summary>
    public static IReadOnlyList<string> All { get; } = [Pass, PassWithWarnings, Fail, Inconclusive, Error];

    /// <summary>
    /// What the harness could not do is never the vendor's fault: a finding resting on a request never answered in a
    /// stopped run, on an answer the server throttled beyond what the harness waits for, or on a redirect it would not
    /// follow (a page that is not the answer) is an error, pass or not. Only a check that judges such redirects itself
    /// (a request without credentials sent away was not served) keeps its outcome.
    /// </summary>
    public static List<CheckResult> Settle(List<CheckResult> results, IReadOnlyCollection<Check> checks, string? aborted)
    {
        var judgesRedirects = checks.Where(c => c.JudgesUnfollowedRedirects).Select(c => c.Id).ToHashSet();
        return results.Select(r => r.Evidence is { RedirectNotFollowed: { } why } && r.Outcome is Outcome.Pass or Outcome.Fail or Outcome.Warning
                                   && !(judgesRedirects.Contains(r.Check) && r.Evidence.Anonymous)
                ? r with { Outcome = Outcome.Error, Message = $"{r.Message} (not judged: {why})" }
            : r.Outcome is not (Outcome.Fail or Outcome.Warning) ? r
            : r.Evidence is { Throttled: true } || (aborted is not null && r.Evidence is { Answered: false }) ? r with { Outcome = Outcome.Error }
            : r).ToList();
    }

    public static Outcome OutcomeOf(FindingKind kind, Level level, Tier tier) => kind switch
    {
        FindingKind.Satisfied => Outcome.Pass,
        FindingKind.Violated => level == Level.Must && tier == Tier.Required ? Outcome.Fail : Outcome.Warning,
        FindingKind.Skipped => Outcome.Skipped,
        FindingKind.Info => Outcome.Info,
        _ => Outcome.Error,
    };

    /// <summary>
    /// A run cut short (unreachable, cancelled) is "error": it can neither certify nor condemn. Otherwise a
    /// failure fails; a required endpoint the harness could not judge is "error"; a required part the run could
    /// not cover (a read never answered, a list with no record validated, a lookup never made) is "inconclusive".
    /// </summary>
    public static string Of(IReadOnlyList<CheckResult> results, string? aborted, IReadOnlyList<OperationCoverage>? coverage = null)
    {
        if (aborted is not null) return Error;
        if (results.Any(r => r.Outcome == Outcome.Fail)) return Fail;
        if (results.Any(r => r.Outcome == Outcome.Error && r.Tier == Tier.Required)) return Error;
        if ((coverage ?? []).Any(c => c.IsGap)) return Inconclusive;
        // Anything not proven on an optional endpoint is no clean pass.
        return results.Any(r => r.Outcome == Outcome.Warning || r.Outcome == Outcome.Error) ? PassWithWarnings : Pass;
    }

    public static int ExitCode(string verdict) => verdict switch
    {
        Pass or PassWithWarnings => 0,
        Fail => 1,
        _ => 3,
    };
}
