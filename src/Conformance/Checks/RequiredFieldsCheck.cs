using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// Every record carries the fields the standard's text requires beyond the schema (ORUK: a service names its
/// organization, by organization_id or, in the nested form, organization.id).
/// </summary>
public sealed class RequiredFieldsCheck : PageCheck
{
    public const string CheckId = "required-fields";
    public override string Id => CheckId;
    public override string Title => "Records carry the fields the text requires";

    public override Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context) =>
        new Records(this, role, context, context.Profile.RequiredFields.Where(r => r.Endpoints.Contains(operation.PathTemplate)).ToList());

    private sealed class Records(RequiredFieldsCheck check, OperationRole role, CheckContext context, List<Standards.RequiredField> rules) : Judgement
    {
        private int _records;
        private readonly ProblemTally _problems = new();

        public override void Observe(Exchange exchange)
        {
            if (rules.Count == 0 || !exchange.IsSuccess || exchange.Json.Node is null) return;
            foreach (var (index, record) in OrdinaryRecords.Of(exchange, role, context.Profile.Pagination).Index())
            {
                _records++;
                foreach (var rule in rules)
                    if (!rule.AnyOf.Any(path => FilterMatching.Values(record, path).Any(v => v.ToString().Length > 0)))
                        _problems.Add(exchange, new Problem($"{string.Join(" or ", rule.AnyOf)} is missing (the standard's text requires it)", null,
                            $"{exchange.Url}#{index}", $"record {Evidence.AnswerRecords.IdOf(record, "id") ?? $"#{index}"} has no {string.Join(" or ", rule.AnyOf)}"));
            }
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (_records == 0) yield break;
            yield return check.Judge(run, _problems, $"{_records} record(s), each with {string.Join("; ", rules.Select(r => string.Join(" or ", r.AnyOf)))}.", _records);
        }
    }
}
