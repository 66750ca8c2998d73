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
    public const string CheckId = "no-null-fields";
    public override string Id => CheckId;
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
            foreach (var (pointer, found) in Empty(exchange.Json.Node))
            {
                var (record, field) = RecordLocation.Of(pointer, role, context.Profile.Pagination);
                _problems.Add(exchange, new Problem($"{field} is sent empty", found, record is null ? null : $"{exchange.Url}#{record}",
                    $"at {pointer}: {found} instead of left out", "leave out a field that has no value"));
            }
            _records += OrdinaryRecords.Of(exchange, role, context.Profile.Pagination).Count;
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (_bodies > 0) yield return check.Judge(run, _problems, "No field is sent as null or an empty string.", _records);
        }
    }

    /// <summary>
    /// Every field sent as null, and every empty string, with its JSON Pointer. The walk keeps the path as it goes and
    /// writes a pointer only for what it finds: most bodies have none, and a pointer per node costs more than the walk.
    /// </summary>
    private static List<(string Pointer, string Found)> Empty(JsonNode? root)
    {
        var found = new List<(string, string)>();
        var path = new List<(string? Key, int Index)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        path.Add((key, 0));
                        if (value is null) found.Add((Pointer(path), "null"));
                        else Walk(value);
                        path.RemoveAt(path.Count - 1);
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        path.Add((null, i));
                        Walk(a[i]);
                        path.RemoveAt(path.Count - 1);
                    }
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && IsEmpty(v):
                    found.Add((Pointer(path), "\"\""));
                    break;
            }
        }
        Walk(root);
        return found;
    }

    /// <summary>Whether a string value is empty, read without making a string of it where the body's bytes are at hand.</summary>
    private static bool IsEmpty(JsonValue value) =>
        value.TryGetValue<JsonElement>(out var element) ? element.ValueEquals(""u8) : value.GetValue<string>().Length == 0;

    private static string Pointer(List<(string? Key, int Index)> path) =>
        string.Concat(path.Select(p => "/" + (p.Key is null ? p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Specs.JsonPointers.Escape(p.Key))));
}
