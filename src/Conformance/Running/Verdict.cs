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
    /// failure fails; a required endpoint the harness could not judge is "error".
    /// </summary>
    public static string Of(IReadOnlyList<CheckResult> results, string? aborted)
    {
        if (aborted is not null) return Error;
        if (results.Any(r => r.Outcome == Outcome.Fail)) return Fail;
        if (results.Any(r => r.Outcome == Outcome.Error && r.Tier == Tier.Required)) return Error;
        // Anything not proven on an optional endpoint, or a required read that could not be tested, is no clean pass.
        return results.Any(r => r.Outcome == Outcome.Warning || r.Outcome == Outcome.Error || UntestedRequiredRead(r))
            ? PassWithWarnings : Pass;
    }

    /// <summary>
    /// A required endpoint's read that was never sent. Writes are outside a read-only run by design, and a check
    /// that does not apply (e.g. jurisdiction errors on a single-jurisdiction endpoint) leaves nothing untested.
    /// </summary>
    private static bool UntestedRequiredRead(CheckResult r) =>
        r is { Outcome: Outcome.Skipped, Tier: Tier.Required, Check: EndpointAnswersCheck.CheckId } && r.Operation.StartsWith("GET ", StringComparison.Ordinal);

    public static int ExitCode(string verdict) => verdict switch
    {
        Pass or PassWithWarnings => 0,
        Fail => 1,
        _ => 3,
    };
}
