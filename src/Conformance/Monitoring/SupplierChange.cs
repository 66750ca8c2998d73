namespace Conformance.Monitoring;

/// <summary>
/// What changed for one supplier since its previous run, as the dashboard answers "what changed?": new failures (by
/// clause), failures fixed, what still fails, or that it is still down (no verdict either time).
/// </summary>
/// <param name="State">first-run, still-down, down, back-up, changed or unchanged.</param>
/// <param name="NewFailures">Clauses with failures the previous run did not have, each with how many.</param>
/// <param name="Fixed">Clauses with failures the previous run had and this one does not.</param>
public sealed record SupplierChange(string State, string? PreviousVerdict, DateTimeOffset? PreviousRun,
    IReadOnlyList<ClauseCount> NewFailures, IReadOnlyList<ClauseCount> Fixed, int StillFailing, bool VerdictChanged = false)
{
    public static SupplierChange Of(RunRecord? before, RunRecord after)
    {
        if (before is null) return new("first-run", null, null, [], [], 0);
        var diff = new RunDiff(before, after);
        var state = (Down(before), Down(after)) switch
        {
            (true, true) => "still-down",
            (false, true) => "down",
            (true, false) => "back-up",
            _ => diff.NewFailures.Count + diff.Fixed.Count > 0 || diff.VerdictChanged ? "changed" : "unchanged",
        };
        return new(state, before.Verdict, before.StartedAt, ByClause(diff.NewFailures), ByClause(diff.Fixed), diff.StillFailing.Count, diff.VerdictChanged);
    }

    /// <summary>In words: "2 new failures, 1 fixed, 3 still failing (was pass)".</summary>
    public string Words => State switch
    {
        "first-run" => "first run",
        "still-down" => "still down: no verdict this run or the one before",
        "down" => $"down: no verdict this run (was {PreviousVerdict})",
        _ => string.Join(", ", new[]
            {
                State == "back-up" ? "back up" : null,
                NewFailures.Count > 0 ? Count(NewFailures.Sum(c => c.Count), "new failure") : null,
                Fixed.Count > 0 ? $"{Fixed.Sum(c => c.Count)} fixed" : null,
                StillFailing > 0 ? $"{StillFailing} still failing" : null,
            }.OfType<string>().DefaultIfEmpty("no change")) + (VerdictChanged ? $" (was {PreviousVerdict})" : ""),
    };

    /// <summary>No verdict on the supplier: it could not be reached or judged.</summary>
    private static bool Down(RunRecord run) => run.Verdict == Running.Verdict.Error;

    private static List<ClauseCount> ByClause(IEnumerable<RecordedResult> results) =>
        results.GroupBy(r => r.Clause).Select(g => new ClauseCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Clause, StringComparer.Ordinal).ToList();

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
