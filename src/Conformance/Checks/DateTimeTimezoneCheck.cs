using System.Text.Json.Nodes;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// Every date-time in a response is a real W3C date-time and carries a timezone, Z or an offset (Open311
/// "Date/time format"). Any string shaped like an ISO 8601 date and time is judged, whatever field holds it, in
/// XML and JSON alike. The schema states only the shape (erratum E6), so an impossible date or clock time is
/// this check's to report, once.
/// </summary>
public sealed class DateTimeTimezoneCheck : Check
{
    public override string Id => "datetime-timezone";
    public override string Title => "Date-times are real and carry a timezone";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var bodies = run.Answered.Where(e => e.IsSuccess && e.Json.Node is not null).ToList();
        if (bodies.Count == 0) yield break;
        var seen = 0;
        var problems = new List<(Exchange, string)>();
        foreach (var exchange in bodies)
            foreach (var (pointer, text) in Strings(exchange.Json.Node, ""))
            {
                var shape = W3cDateTime.Shape(text);
                if (!shape.Success) continue;
                seen++;
                if (W3cDateTime.Impossibilities(shape) is { Count: > 0 } impossible)
                    problems.Add((exchange, $"at {pointer}: '{text}' is not a real date-time ({string.Join("; ", impossible)})"));
                if (!shape.Groups["zone"].Success) problems.Add((exchange, $"at {pointer}: '{text}' has no timezone (Z or ±hh:mm)"));
            }
        if (seen > 0 || problems.Count > 0)
            yield return Judge(run, problems, $"{seen} date-time(s), each real and with a timezone.");
    }

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, $"{pointer}/{Specs.JsonPointers.Escape(p.Key)}")),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{pointer}/{i}")),
        JsonValue v when v.TryGetValue<string>(out var s) => [(pointer.Length == 0 ? "/" : pointer, s)],
        _ => [],
    };
}
