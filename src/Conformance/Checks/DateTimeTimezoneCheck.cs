using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// Every date-time in a response is a real W3C date-time and carries a timezone, Z or an offset (Open311
/// "Date/time format"). Any string shaped like an ISO 8601 date and time is judged, whatever field holds it, in
/// XML and JSON alike. The schema states only the shape (erratum E6), so an impossible date or clock time is
/// this check's to report, once.
/// </summary>
public sealed class DateTimeTimezoneCheck : PageCheck
{
    public const string CheckId = "datetime-timezone";
    public override string Id => CheckId;
    public override string Title => "Date-times are real and carry a timezone";

    public override Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context) => new Bodies(this, role, context);

    private sealed class Bodies(DateTimeTimezoneCheck check, OperationRole role, CheckContext context) : Judgement
    {
        private int _seen;
        private int _records;
        private readonly ProblemTally _problems = new();

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsSuccess || exchange.Json.Node is null) return;
            foreach (var (pointer, text) in Strings(exchange.Json.Node, ""))
            {
                var shape = W3cDateTime.Shape(text);
                if (!shape.Success) continue;
                _seen++;
                var (record, field) = RecordLocation.Of(pointer, role, context.Profile.Pagination);
                var where = record is null ? null : $"{exchange.Url}#{record}";
                var found = context.Masked($"\"{text}\"");
                if (W3cDateTime.Impossibilities(shape) is { Count: > 0 } impossible)
                    _problems.Add(exchange, new Problem($"{field} is not a real date and time", found, where,
                        $"at {pointer}: '{text}' ({string.Join("; ", impossible)})", string.Join("; ", impossible)));
                if (!shape.Groups["zone"].Success)
                    _problems.Add(exchange, new Problem($"{field} has no time zone", found, where, $"at {pointer}: '{text}' has no timezone", "add a time zone: Z or +01:00"));
            }
            _records += OrdinaryRecords.Of(exchange, role, context.Profile.Pagination).Count;
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (_seen > 0 || _problems.Count > 0)
                yield return check.Judge(run, _problems, $"{_seen} date-time(s), each real and with a timezone.", _records);
        }
    }

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, $"{pointer}/{Specs.JsonPointers.Escape(p.Key)}")),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{pointer}/{i}")),
        JsonValue v when v.TryGetValue<string>(out var s) => [(pointer.Length == 0 ? "/" : pointer, s)],
        _ => [],
    };
}
