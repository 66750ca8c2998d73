using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// What a run actually covered of one operation: requests sent, answers received, records validated against the
/// schema, ids looked up. <see cref="Gap"/> says what a required operation lacks for a verdict to rest on it:
/// a pass needs every required read answered, records validated on every required list and every required
/// lookup made.
/// </summary>
/// <param name="Read">A read the run is meant to make (not a write, nor a lookup no record qualifies for).</param>
public sealed record OperationCoverage(
    string Operation,
    Tier Tier,
    int Requests,
    int Answered,
    int RecordsValidated,
    int IdsLookedUp,
    string? Gap,
    bool Read = true)
{
    public bool IsGap => Gap is not null && Tier == Tier.Required;
}

public static class Coverage
{
    /// <param name="checks">The run's checks: the one that validates records (<see cref="Check.ValidatesRecords"/>) decides what was validated.</param>
    public static List<OperationCoverage> Of(IEnumerable<OperationRun> runs, IReadOnlyList<CheckResult> results, CheckContext context,
        IEnumerable<Check> checks)
    {
        var validator = checks.FirstOrDefault(c => c.ValidatesRecords)?.Id;
        return runs.Select(run => Of(run, results, context, validator)).ToList();
    }

    private static OperationCoverage Of(OperationRun run, IReadOnlyList<CheckResult> results, CheckContext context, string? validator)
    {
        var operation = run.Operation.Id;
        var ordinary = run.Reads.Where(r => r.Exchange.Answered).ToList();
        var answered = ordinary.Select(r => r.Exchange).ToList();
        var successes = answered.Where(e => e.IsSuccess && !Check.WantsCredentials(e, context)).ToList();
        var schema = results.FirstOrDefault(r => r.Check == validator && r.Operation == operation);
        // Records count as validated only where the validating check judged them (not where it could not).
        var judged = validator is null || schema?.Outcome is Outcome.Pass or Outcome.Fail or Outcome.Warning;
        var records = judged ? OrdinaryRecords.Run(run, context.Profile.Pagination).Count() : 0;
        var lookups = run.Role == OperationRole.Item
            ? ordinary.Count(r => r.RecordId is not null && r.Exchange.IsSuccess && !Check.WantsCredentials(r.Exchange, context)) : 0;
        return new OperationCoverage(operation, run.Tier, run.Requests.Count, answered.Count, records, lookups, GapOf(run, answered, successes, records, lookups, schema),
            Read: run.Operation.Method == "GET" && run.Role != OperationRole.Write && !run.NotApplicable);
    }

    private static string? GapOf(OperationRun run, List<Http.Exchange> ordinary, List<Http.Exchange> successes, int records, int lookups, CheckResult? schema)
    {
        // A write is outside a read-only run by design; nothing to look up is nothing untested; a declared absence is judged by its refusal.
        if (run.Role == OperationRole.Write || run.Operation.Method != "GET" || run.NotApplicable || run.DeclaredAbsent) return null;
        if (run.SkipReason is not null) return $"not requested: {run.SkipReason}";
        if (ordinary.Count == 0) return $"never answered ({run.Exchanges.FirstOrDefault()?.TransportError ?? "no request was sent"})";
        if (successes.Count == 0) return $"no successful answer (last status {ordinary[^1].Status})";
        if (run.Role == OperationRole.List && records == 0)
            return schema is null ? "no record could be validated: the spec documents no schema for its answer"
                : schema.Outcome == Outcome.Error ? $"no record could be validated: {schema.Message}"
                : "no record was validated: the list returned none";
        if (run.Role == OperationRole.Item && lookups == 0) return "no record was looked up";
        return null;
    }
}
