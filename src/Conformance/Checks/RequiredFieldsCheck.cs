using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>
/// Every record carries the fields the standard's text requires beyond the schema (ORUK: a service names its
/// organization, by organization_id or, in the nested form, organization.id).
/// </summary>
public sealed class RequiredFieldsCheck : Check
{
    public override string Id => "required-fields";
    public override string Title => "Records carry the fields the text requires";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var rules = context.Profile.RequiredFields.Where(r => r.Endpoints.Contains(run.Operation.PathTemplate)).ToList();
        if (rules.Count == 0) yield break;
        var records = RecordsIn.Run(run, context.Profile.Pagination).ToList();
        if (records.Count == 0) yield break;
        var problems = new List<(Exchange, Problem)>();
        foreach (var (exchange, index, record) in records)
            foreach (var rule in rules)
                if (!rule.AnyOf.Any(path => FilterMatching.Values(record, path).Any(v => v.ToString().Length > 0)))
                    problems.Add((exchange, new Problem($"{string.Join(" or ", rule.AnyOf)} is missing (the standard's text requires it)", null,
                        $"{exchange.Url}#{index}", $"record {Records.IdOf(record, "id") ?? $"#{index}"} has no {string.Join(" or ", rule.AnyOf)}")));
        yield return Judge(run, problems, $"{records.Count} record(s), each with {string.Join("; ", rules.Select(r => string.Join(" or ", r.AnyOf)))}.", records.Count);
    }
}
