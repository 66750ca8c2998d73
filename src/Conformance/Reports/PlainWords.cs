using System.Globalization;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Reports;

/// <summary>The verdict and outcomes said for a reader who does not know the harness: what it means, not its code.</summary>
internal static class PlainWords
{
    /// <param name="Panel">The panel's colour: pass, fail or unknown.</param>
    public sealed record Verdict(string Panel, string Heading, string Meaning);

    public static Verdict Of(RunResult result)
    {
        var target = result.SupplierName;
        var standard = result.StandardName;
        var failures = result.Results.Where(r => r.Outcome == Outcome.Fail).ToList();
        var warnings = result.Count(Outcome.Warning);
        var gaps = result.Coverage.Count(c => c.IsGap);
        if (result.Client is { } client) return OfClient(result, client, standard, failures, warnings, gaps);
        return result.Verdict switch
        {
            Running.Verdict.Pass => new("pass", $"Conforms to {standard}",
                $"{target} met every rule the harness tested, on every endpoint it covered."),
            Running.Verdict.PassWithWarnings => new("pass", $"Conforms to {standard}, with warnings",
                $"{target} broke no rule the standard requires. The warnings ({warnings.ToString(CultureInfo.InvariantCulture)}) concern recommendations (SHOULD), optional endpoints or what could not be judged there: they do not stop a pass, but are worth fixing."),
            Running.Verdict.Fail => new("fail", $"Does not conform to {standard}",
                $"{target} breaks {Count(failures.Select(f => f.Clause).Distinct().Count(), "rule")} that the standard requires (MUST), on {Count(failures.Select(f => f.Operation).Distinct().Count(), "required endpoint")}. What to fix first is listed below."),
            Running.Verdict.Inconclusive => new("unknown", "Not known: the run could not cover enough",
                $"Nothing {target} sent broke a rule, but {Count(gaps, "required part")} of {standard} could not be tested, so no pass can rest on this run. The coverage section says what and why."),
            _ => new("unknown", "Not known: the run could not be completed",
                result.Aborted is { } why ? $"The run against {target} stopped early: {why}"
                    : $"The harness could not judge a required endpoint of {target}. The findings marked \"could not judge\" say why."),
        };
    }

    /// <summary>The verdict on a client judged by the stand-in: what it sent, and whether it carried its scenario through.</summary>
    private static Verdict OfClient(RunResult result, ClientUnderTest client, string standard, List<CheckResult> failures, int warnings, int gaps) =>
        result.Verdict switch
        {
            Running.Verdict.Pass => new("pass", $"The client conforms to {standard}",
                $"The {client.Role} kept every rule the harness tested in every request it sent, and carried the scenario {client.Scenario} through."),
            Running.Verdict.PassWithWarnings => new("pass", $"The client conforms to {standard}, with warnings",
                $"The {client.Role} broke no rule the standard requires and carried the scenario {client.Scenario} through. The warnings ({warnings.ToString(CultureInfo.InvariantCulture)}) concern recommendations (SHOULD), such as how it copes with a busy server: they do not stop a pass, but are worth fixing."),
            Running.Verdict.Fail => new("fail", $"The client does not conform to {standard}",
                $"The {client.Role} breaks {Count(failures.Select(f => f.Clause).Distinct().Count(), "rule")} that the standard requires (MUST), in its requests to {Count(failures.Select(f => f.Operation).Distinct().Count(), "operation")}. What to fix first is listed below."),
            Running.Verdict.Inconclusive => new("unknown", "Not known: the client did not complete its scenario",
                $"Nothing the {client.Role} sent broke a rule, but it did not do {Count(gaps, "step")} of the scenario {client.Scenario} in time, so no pass can rest on this run. The coverage section says which and what the stand-in saw instead."),
            _ => new("unknown", "Not known: the run could not be completed",
                result.Aborted is { } why ? $"The stand-in stopped early: {why}" : "The harness could not judge the client. The findings marked \"could not judge\" say why."),
        };

    /// <summary>An outcome in words, so a tag never rests on its colour alone.</summary>
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "passed",
        Outcome.Warning => "warning",
        Outcome.Fail => "failed",
        Outcome.Skipped => "not tested",
        Outcome.Error => "could not judge",
        _ => "for information",
    };

    /// <summary>How many results had an outcome: "3 passed", "1 warning", "2 could not be judged".</summary>
    public static string Counted(Outcome outcome, int n) => outcome switch
    {
        Outcome.Warning => Count(n, "warning"),
        Outcome.Error => $"{n.ToString(CultureInfo.InvariantCulture)} could not be judged",
        _ => $"{n.ToString(CultureInfo.InvariantCulture)} {Of(outcome)}",
    };

    public static string Tag(Outcome outcome) =>
        $"<strong class=\"tag tag-{outcome.ToString().ToLowerInvariant()}\">{Of(outcome)}</strong>";

    /// <summary>Worst first: what a reader must act on leads.</summary>
    public static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Fail => 5,
        Outcome.Error => 4,
        Outcome.Warning => 3,
        Outcome.Info => 2,
        Outcome.Pass => 1,
        _ => 0,
    };

    public static string Of(Level level) => level.ToString().ToUpperInvariant();

    public static string Of(Tier tier) => tier == Tier.Required ? "required" : "optional";

    public static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
