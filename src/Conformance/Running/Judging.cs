using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Running;

/// <summary>
/// Every check's findings on every operation, as results under the profile's clauses, and the evidence as reported.
/// A check that throws has a bug or met something unforeseen: an error result, never a dead run. A page-wise check
/// concludes the judgement it was given as the list's pages arrived.
/// </summary>
internal static class Judging
{
    public static List<CheckResult> ResultsOf(IEnumerable<OperationRun> runs, IReadOnlyList<Check> checks, CheckContext context,
        IReadOnlyDictionary<string, PageStream> streams) =>
        runs.SelectMany(run => ResultsOf(run, checks, context, streams.GetValueOrDefault(run.Operation.Id))).ToList();

    private static IEnumerable<CheckResult> ResultsOf(OperationRun run, IEnumerable<Check> checks, CheckContext context, PageStream? stream)
    {
        foreach (var check in checks)
        {
            var clause = context.Profile.ClauseFor(check.Id)!;
            foreach (var finding in Evaluate(check, run, context, stream))
                yield return new CheckResult(check.Id, clause.Id, clause.Level, finding.Operation, run.Tier,
                    Verdict.OutcomeOf(finding.Kind, clause.Level, run.Tier), finding.Message, finding.Details, finding.Evidence);
        }
    }

    private static List<Finding> Evaluate(Check check, OperationRun run, CheckContext context, PageStream? stream)
    {
        var failure = stream?.Failed.GetValueOrDefault(check.Id);
        try
        {
            if (failure is null)
                return (check is PageCheck pageCheck && stream?.JudgementOf(pageCheck) is { } judgement
                    ? pageCheck.Conclude(run, judgement) : check.Evaluate(run, context)).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }
        return [new Finding(check.Id, run.Operation.Id, FindingKind.Error,
            $"The check could not judge this operation ({failure.GetType().Name}: {failure.Message}).", [], run.Primary)];
    }

    /// <summary>
    /// Every exchange of the run as kept, except that a page cut down after it was judged is given back whole where a
    /// finding cites it as evidence: the report then shows the page as received, once.
    /// </summary>
    public static List<Exchange> AsReported(IEnumerable<OperationRun> runs, IEnumerable<CheckResult> results)
    {
        var cited = results.Select(r => r.Evidence).OfType<Exchange>().Where(e => e.StartedAt is not null)
            .GroupBy(e => (e.Url, e.StartedAt)).ToDictionary(g => g.Key, g => g.First());
        return runs.SelectMany(run => run.Exchanges)
            .Select(e => e.ReducedFrom is not null && cited.TryGetValue((e.Url, e.StartedAt), out var whole) && whole.ReducedFrom is null ? whole : e)
            .ToList();
    }

    /// <summary>The owner of every request sent for one check, by its exchange (a page given back whole is an ordinary read, owned by none).</summary>
    public static Dictionary<Exchange, RequestOwner> OwnersOf(IEnumerable<OperationRun> runs) =>
        runs.SelectMany(run => run.Requests).Where(r => r.Owner is not null)
            .ToDictionary<SentRequest, Exchange, RequestOwner>(r => r.Exchange, r => r.Owner!, ReferenceEqualityComparer.Instance);
}
