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
        var lookups = run.Reads.Where(r => r.RecordId is not null).ToList(); // ordinary lookups: a check's own requests are its to judge
        if (lookups.Count == 0)
        {
            yield return Skipped(run, run.SkipReason ?? "No ids were available to look up.");
            yield break;
        }
        var parameter = Evidence.TargetUrls.ParameterNames(run.Operation.Path).Last();
        var problems = new List<(Exchange, Problem)>();
        void Add(SentRequest sent, string rule, string detail) =>
            problems.Add((sent.Exchange, new Problem(rule, $"id {context.Masked(sent.RecordId!)}", sent.Exchange.Url, $"id {sent.RecordId}: {detail}", context.Masked(detail))));
        foreach (var sent in lookups)
        {
            var lookup = sent.Exchange;
            if (!lookup.Answered) Add(sent, "a listed id got no answer", lookup.TransportError ?? "no answer");
            else if (!lookup.IsSuccess) Add(sent, $"a listed id does not resolve: it answered {lookup.Status}", $"answered {lookup.Status}");
            else if (lookup.Json.Error is not null) continue; // an unreadable body is response-schema's finding
            else if (Evidence.AnswerRecords.In(lookup.Json.Node) is not { } record) Add(sent, "a listed id returned no record", "no record in the answer");
            else if (Evidence.AnswerRecords.IdOf(record, parameter) is var id && id != sent.RecordId)
                Add(sent, id is null ? $"a listed id returned a record with no {string.Join(" or ", Evidence.AnswerRecords.IdFields(parameter))}"
                        : "a listed id returned another record",
                    id is null ? "the record has no id" : $"got the record with id {id}");
        }
        var readable = lookups.Count(l => l.Exchange.Json.Error is null || !l.Exchange.IsSuccess);
        if (readable == 0)
            yield return Skipped(run, "No record looked up could be read (see response-schema).");
        else
            yield return Judge(run, problems, $"{readable} listed id(s) resolved to their records.");
    }
}
