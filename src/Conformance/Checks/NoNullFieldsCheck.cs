using System.Text.Json.Nodes;
using System.Text.Json;
using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// Optional fields without a value are left out, not sent as null or as an empty string (ORUK compliance
/// §1.2). An empty list is a value (no items) and passes.
/// </summary>
public sealed class NoNullFieldsCheck : Check
{
    public override string Id => "no-null-fields";
    public override string Title => "Empty fields are omitted, not null";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var bodies = run.Answered.Where(e => e.IsSuccess && e.Json.Node is not null).ToList();
        if (bodies.Count == 0) yield break;
        var problems = new List<(Exchange, Problem)>();
        foreach (var exchange in bodies)
            foreach (var (pointer, found) in Empty(exchange.Json.Node, ""))
            {
                var (record, field) = RecordLocation.Of(pointer, run.Role, context.Profile.Pagination);
                problems.Add((exchange, new Problem($"{field} is sent empty", found, record is null ? null : $"{exchange.Url}#{record}",
                    $"at {pointer}: {found} instead of left out", "leave out a field that has no value")));
            }
        var records = bodies.Sum(e => RecordsIn.Of(e, run.Role, context.Profile.Pagination).Count);
        yield return Judge(run, problems, "No field is sent as null or an empty string.", records);
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
