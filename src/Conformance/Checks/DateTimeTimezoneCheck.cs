using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// Every date-time in a response carries a timezone, Z or an offset (Open311 "Date/time format"). Any string
/// shaped like an ISO 8601 date and time is judged, whatever field holds it, in XML and JSON alike.
/// </summary>
public sealed partial class DateTimeTimezoneCheck : Check
{
    public override string Id => "datetime-timezone";
    public override string Title => "Date-times carry a timezone";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var bodies = run.Answered.Where(e => e.IsSuccess && e.Json.Node is not null).ToList();
        if (bodies.Count == 0) yield break;
        var seen = 0;
        var problems = new List<(Exchange, string)>();
        foreach (var exchange in bodies)
            foreach (var (pointer, text) in Strings(exchange.Json.Node, ""))
            {
                var match = DateTime().Match(text);
                if (!match.Success) continue;
                seen++;
                if (!match.Groups["zone"].Success) problems.Add((exchange, $"at {pointer}: '{text}' has no timezone (Z or ±hh:mm)"));
            }
        if (seen > 0 || problems.Count > 0)
            yield return Judge(run, problems, $"{seen} date-time(s), each with a timezone.");
    }

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonNode? node, string pointer) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, $"{pointer}/{Specs.JsonPointers.Escape(p.Key)}")),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{pointer}/{i}")),
        JsonValue v when v.TryGetValue<string>(out var s) => [(pointer.Length == 0 ? "/" : pointer, s)],
        _ => [],
    };

    // W3C-profile ISO 8601: a date, T, hours and minutes, optional seconds and fraction, then the zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<zone>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();
}
