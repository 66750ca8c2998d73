using System.Text.Json.Nodes;
using System.Text.Json;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// Optional fields without a value are left out, not sent as null or as an empty string (ORUK compliance
/// §1.2). An empty list is a value (no items) and passes.
/// </summary>
public sealed class NoNullFieldsCheck : PageCheck
{
    public override string Id => "no-null-fields";
    public override string Title => "Empty fields are omitted, not null";

    public override Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context) => new Bodies(this, role, context);

    private sealed class Bodies(NoNullFieldsCheck check, OperationRole role, CheckContext context) : Judgement
    {
        private int _bodies;
        private int _records;
        private readonly ProblemTally _problems = new();

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsSuccess || exchange.Json.Node is null) return;
            _bodies++;
            foreach (var (pointer, found) in Empty(exchange.Json.Node, ""))
            {
                var (record, field) = RecordLocation.Of(pointer, role, context.Profile.Pagination);
                _problems.Add(exchange, new Problem($"{field} is sent empty", found, record is null ? null : $"{exchange.Url}#{record}",
                    $"at {pointer}: {found} instead of left out", "leave out a field that has no value"));
            }
            _records += RecordsIn.Of(exchange, role, context.Profile.Pagination).Count;
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (_bodies > 0) yield return check.Judge(run, _problems, "No field is sent as null or an empty string.", _records);
        }
    }

    private static IEnumerable<(string Pointer, string Found)> Empty(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null
            ? [($"{pointer}/{Specs.JsonPointers.Escape(p.Key)}", "null")]
            : Empty(p.Value, $"{pointer}/{Specs.JsonPointers.Escape(p.Key)}")),
        JsonArray a => a.SelectMany((item, i) => Empty(item, $"{pointer}/{i}")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0 => [(pointer, "\"\"")],
        _ => [],
    };
}
