using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// No two records of a list share an id: within each response (a page, or an unpaginated list), and across the
/// sampled pages where no other check owns that (pagination-invariants does where the profile cites it). Which field
/// is the id, and whether its case counts, comes from the profile's unique_ids.
/// </summary>
public sealed class IdsUniqueCheck : Check
{
    public const string CheckId = "ids-unique";
    public override string Id => CheckId;
    public override string Title => "Record ids are unique within a list";

    /// <summary>Where this check judges a record on two pages, the pages that share one are fetched again together.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context) => PaginationProbes.Confirmations(run, context, Id);

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (context.Profile.UniqueIdFor(run.Operation.PathTemplate) is not { } rule || run.Role == OperationRole.Item) yield break;
        var p = context.Profile.Pagination;
        var responses = run.Reads.Where(r => r.Exchange is { Answered: true, IsSuccess: true } && r.Exchange.Json.Node is not null).ToList();
        if (responses.Count == 0) yield break; // endpoint-answers and response-schema say why
        var problems = new List<(Exchange, Problem)>(); // each kind of duplicate one rule, however many ids it touches
        var reported = new HashSet<string>(rule.Comparer); // a duplicate is told once, though the list is read again
        var records = 0;
        foreach (var (response, page) in responses.Select(r => (r.Exchange, r.Page)))
        {
            var ids = AnswerRecords.On(response, p).Select(r => r[rule.Field] is JsonValue v ? JsonText.Of(v) : null).ToList();
            records += ids.Count;
            foreach (var same in ids.OfType<string>().Where(id => id.Length > 0).GroupBy(id => id, rule.Comparer).Where(g => g.Count() > 1))
                if (reported.Add(same.Key))
                    problems.Add((response, new Problem($"{rule.Field} is given to more than one record", $"{same.Key} on {same.Count()} records of {Where(page)}{Spellings(same)}",
                        $"{response.Url}#{same.Key}", $"{rule.Field} {same.Key} is on {same.Count()} records of {Where(page)}{Spellings(same)}")));
        }
        if (run.Role == OperationRole.List && p is not null
            && PaginationProbes.OwnerOfOverlaps(context.Profile, run.Operation.PathTemplate) is { Check: CheckId } owner)
            foreach (var (id, first, second, evidence) in PaginationProbes.ConfirmedOverlaps(run, p, owner, OwnRequests(run)))
                if (reported.Add(id))
                    problems.Add((evidence, new Problem($"the same {rule.Field} is on two pages", $"{id} on page {first} and page {second}", id, $"{rule.Field} {id} is on page {first} and page {second}")));
        yield return Judge(run, problems, $"{records} record(s) in {responses.Count} response(s), no {rule.Field} given twice.");
    }

    private static string Where(long? page) => page is { } number ? $"page {number}" : "the list";

    /// <summary>Ids the profile compares without regard to case may be spelled differently: say how.</summary>
    private static string Spellings(IEnumerable<string> same) =>
        same.Distinct(StringComparer.Ordinal).ToList() is { Count: > 1 } spellings
            ? $" (as {string.Join(" and ", spellings)}: ids that differ only in case are the same id)"
            : "";
}
