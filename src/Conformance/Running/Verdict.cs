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
