using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// Every period starts no later than it ends: wherever an object of an answer holds both fields of a period the
/// profile names (validity, rate line collections, sessions and segments, planned uses), the start is not after the
/// end. Date-times are compared as instants (each with its zone); dates as dates; a value that is neither is the
/// schema's to judge, and is left alone here.
/// </summary>
public sealed class ValidityPeriodsCheck : PageCheck
{
    public const string CheckId = "validity-periods";
    public override string Id => CheckId;
    public override string Title => "Periods start before they end";

    public override Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context) => new Bodies(this, role, context);

    private sealed class Bodies(ValidityPeriodsCheck check, OperationRole role, CheckContext context) : Judgement
    {
        private int _seen;
        private int _records;
        private readonly ProblemTally _problems = new();

        public override void Observe(Exchange exchange)
        {
            if (!exchange.IsSuccess || exchange.Json.Node is null || context.Profile.Periods.Count == 0) return;
            foreach (var (pointer, holder) in Objects(exchange.Json.Node, ""))
                foreach (var period in context.Profile.Periods)
                {
                    if (Moment(holder[period.Start]) is not { } start || Moment(holder[period.End]) is not { } end || start.IsDate != end.IsDate) continue;
                    _seen++;
                    if (start.At <= end.At) continue;
                    var (record, field) = RecordLocation.Of($"{pointer}/{period.Start}", role, context.Profile.Pagination);
                    var at = field.EndsWith(period.Start, StringComparison.Ordinal) ? field[..^period.Start.Length] : field;
                    var found = context.Masked($"{period.Start} {holder[period.Start]!.ToJsonString()}, {period.End} {holder[period.End]!.ToJsonString()}");
                    _problems.Add(exchange, new Problem($"{at}{period.Start} is after {at}{period.End}: a period ends after it starts", found,
                        record is null ? null : $"{exchange.Url}#{record}", $"at {pointer}: {found}"));
                }
            _records += OrdinaryRecords.Of(exchange, role, context.Profile.Pagination).Count;
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (_seen > 0 || _problems.Count > 0)
                yield return check.Judge(run, _problems, $"{_seen} period(s), each starting no later than it ends.", _records);
        }
    }

    /// <summary>An instant (a date-time with its zone), or a date; null for anything else.</summary>
    private static (DateTimeOffset At, bool IsDate)? Moment(JsonNode? node)
    {
        if (Instants.Of(node) is { } instant) return (instant, false);
        return node is JsonValue v && v.TryGetValue<string>(out var text)
               && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true) : null;
    }

    private static IEnumerable<(string Pointer, JsonObject Holder)> Objects(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => o.SelectMany(p => Objects(p.Value, $"{pointer}/{JsonPointers.Escape(p.Key)}")).Prepend((pointer, o)),
        JsonArray a => a.SelectMany((item, i) => Objects(item, $"{pointer}/{i}")),
        _ => [],
    };
}
