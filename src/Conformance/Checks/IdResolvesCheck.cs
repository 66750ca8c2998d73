using System.Text.Json.Nodes;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>Ids taken from a list resolve at the matching /{id} endpoint, to the record with that id.</summary>
public sealed class IdResolvesCheck : Check
{
    public override string Id => "id-resolves";
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
        var parameter = Running.Planner.PathParameterNames(run.Operation.Path).Last();
        var problems = new List<(Exchange, string)>();
        foreach (var lookup in lookups)
        {
            if (!lookup.Answered) problems.Add((lookup, $"no answer for id {lookup.RecordId}: {lookup.TransportError}"));
            else if (!lookup.IsSuccess) problems.Add((lookup, $"id {lookup.RecordId} from the list answered {lookup.Status}"));
            else if (lookup.Json.Error is not null) continue; // an unreadable body is response-schema's finding
            else if (Running.Runner.RecordIn(lookup.Json.Node) is not { } record) problems.Add((lookup, $"id {lookup.RecordId} did not return a record"));
            else if (Running.Runner.IdOf(record, parameter) is var id && id != lookup.RecordId)
                problems.Add((lookup, id is null
                    ? $"the record returned for id {lookup.RecordId} has no {string.Join(" or ", Running.Runner.IdFields(parameter))}"
                    : $"asked for id {lookup.RecordId} but got the record with id {id}"));
        }
        var readable = lookups.Count(l => l.Json.Error is null || !l.IsSuccess);
        if (readable == 0)
            yield return Skipped(run, "No record looked up could be read (see response-schema).");
        else
            yield return Judge(run, problems, $"{readable} listed id(s) resolved to their records.");
    }
}
