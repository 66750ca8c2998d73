using Conformance.Drift;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// A drift comparison as results: one per rule and operation (its occurrences in the details), outcomes by the usual
/// rules (a breaking difference on a required endpoint fails, on an optional one warns; compatible and documentation
/// differences are information; what could not be compared is an error), and a pass for each operation and clause
/// nothing broke.
/// </summary>
public static class DriftResults
{
    private static readonly Clause[] Judged = [DriftClauses.Operations, DriftClauses.Requests, DriftClauses.Responses];

    public static List<CheckResult> Of(DriftReport report, Profile profile, Exchange? evidence)
    {
        var results = new List<CheckResult>();
        Tier TierOf(string operation) => operation.Split(' ', 2) is [_, var path] && profile.Endpoints.Required.Concat(profile.Endpoints.Optional).Contains(path)
            ? profile.TierOf(path) : Tier.Optional;
        foreach (var group in report.Differences.GroupBy(d => (d.Rule, d.Operation)))
        {
            var (rule, operation) = group.Key;
            var clause = DriftClauses.Get(rule.Clause);
            var tier = TierOf(operation);
            var outcome = rule.Kind switch
            {
                DriftKind.Breaking => Verdict.OutcomeOf(Checks.FindingKind.Violated, clause.Level, tier),
                DriftKind.Unjudged => Outcome.Error,
                _ => Outcome.Info,
            };
            var all = group.ToList();
            var first = all[0];
            var message = $"{rule.Title}: {Where(first)}{first.Detail}" + (all.Count > 1 ? $" ({all.Count} places in all)" : "");
            results.Add(new CheckResult(rule.Id, clause.Id, clause.Level, operation, tier, outcome, message,
                all.Take(Checks.Check.MaxDetails).Select(d => $"{Where(d)}{d.Detail}").ToList(), evidence));
        }
        var broken = report.Differences.Where(d => d.Rule.Kind is DriftKind.Breaking or DriftKind.Unjudged)
            .Select(d => (d.Operation, d.Rule.Clause)).ToHashSet();
        var missing = report.Differences.Where(d => d.Rule == DriftRules.OperationMissing || d.Rule == DriftRules.OptionalOperationMissing)
            .Select(d => d.Operation).ToHashSet();
        foreach (var operation in report.Operations.Where(o => !missing.Contains(o)))
            foreach (var clause in Judged.Where(c => !broken.Contains((operation, c.Id))))
                results.Add(new CheckResult(Checks.SpecDriftCheck.CheckId, clause.Id, clause.Level, operation, TierOf(operation), Outcome.Pass, Passed(clause), [], evidence));
        return results;
    }

    private static string Where(Difference difference) => difference.Where.Length == 0 ? "" : $"{difference.Where}: ";

    private static string Passed(Clause clause) =>
        clause == DriftClauses.Operations ? "The document offers the operation, open to the same callers."
        : clause == DriftClauses.Requests ? "The document accepts every request the standard allows."
        : "The document's responses promise everything the standard's do.";
}
