using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>Ids taken from a list resolve at the matching /{id} endpoint, to the record with that id.</summary>
public sealed class IdResolvesCheck : Check
{
    public const string CheckId = "id-resolves";
    public override string Id => CheckId;
    public override string Title => "Listed ids resolve to their records";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.Item) yield break;
        var lookups = run.Exchanges.Where(e => e.RecordId is not null).ToList();
        if (lookups.Count == 0)
        {
            yield return Skipped(run, run.SkipReason ?? "No ids were available to look up.");
            yield break;
        }
        var parameter = Evidence.TargetUrls.ParameterNames(run.Operation.Path).Last();
        var problems = new List<(Exchange, Problem)>();
        void Add(Exchange lookup, string rule, string detail) =>
            problems.Add((lookup, new Problem(rule, $"id {context.Masked(lookup.RecordId!)}", lookup.Url, $"id {lookup.RecordId}: {detail}", context.Masked(detail))));
        foreach (var lookup in lookups)
        {
            if (!lookup.Answered) Add(lookup, "a listed id got no answer", lookup.TransportError ?? "no answer");
            else if (!lookup.IsSuccess) Add(lookup, $"a listed id does not resolve: it answered {lookup.Status}", $"answered {lookup.Status}");
            else if (lookup.Json.Error is not null) continue; // an unreadable body is response-schema's finding
            else if (Evidence.AnswerRecords.In(lookup.Json.Node) is not { } record) Add(lookup, "a listed id returned no record", "no record in the answer");
            else if (Evidence.AnswerRecords.IdOf(record, parameter) is var id && id != lookup.RecordId)
                Add(lookup, id is null ? $"a listed id returned a record with no {string.Join(" or ", Evidence.AnswerRecords.IdFields(parameter))}"
                        : "a listed id returned another record",
                    id is null ? "the record has no id" : $"got the record with id {id}");
        }
        var readable = lookups.Count(l => l.Json.Error is null || !l.IsSuccess);
        if (readable == 0)
            yield return Skipped(run, "No record looked up could be read (see response-schema).");
        else
            yield return Judge(run, problems, $"{readable} listed id(s) resolved to their records.");
    }
}
