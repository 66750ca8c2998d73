using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>
/// What a filter means for one record: the values a field path reaches ("attributes[].taxonomy_term_id"),
/// a value to filter by that a given record satisfies, and whether a record satisfies a condition. A record
/// without the field says nothing either way (lists often show records in part).
/// </summary>
public static class FilterMatching
{
    public static IEnumerable<JsonNode> Values(JsonNode? node, string path)
    {
        IEnumerable<JsonNode?> current = [node];
        foreach (var step in path.Split('.'))
        {
            var many = step.EndsWith("[]");
            var name = many ? step[..^2] : step;
            current = current.Select(n => n is JsonObject o ? o[name] : null)
                .SelectMany(n => many ? (n as JsonArray ?? []).AsEnumerable() : [n]);
        }
        return current.OfType<JsonNode>();
    }

    /// <summary>
    /// The values a filter reads of a record: its field, or through the records of another list it is connected to
    /// (<see cref="Filter.Through"/>, among <paramref name="related"/>); null where a record it is connected to is not
    /// known, so the values found may be only some of them.
    /// </summary>
    public static (List<string> Values, bool Complete) Reached(JsonObject record, Filter filter, IReadOnlyList<JsonObject>? related = null)
    {
        var own = filter.Field!.SelectMany(path => Values(record, path)).OfType<JsonValue>().Select(Specs.JsonText.Of).OfType<string>().ToList();
        if (filter.Through is not { } hop) return (own, true);
        var others = related ?? [];
        if (hop.By is { } by) // the other way round: the records that name this one; others unknown may name it too
            return (others.Where(o => Values(o, by).Select(Specs.JsonText.Of).OfType<string>().Any(own.Contains))
                .SelectMany(o => Values(o, hop.Field)).Select(Specs.JsonText.Of).OfType<string>().ToList(), false);
        var reached = own.Select(id => others.FirstOrDefault(o => AnswerRecords.IdOf(o, "id") == id)).ToList();
        return (reached.OfType<JsonObject>().SelectMany(o => Values(o, hop.Field)).Select(Specs.JsonText.Of).OfType<string>().ToList(),
            reached.All(o => o is not null));
    }

    /// <summary>A value that this record satisfies, or null when the record has nothing to filter by.</summary>
    public static string? ValueFrom(JsonObject record, Filter filter, IReadOnlyList<JsonObject>? related = null)
    {
        var value = Reached(record, filter, related).Values.FirstOrDefault(v => v is { Length: > 0 });
        if (value is null) return null;
        return filter.Match switch
        {
            // The first word long enough to mean something, without characters a search might treat specially:
            // a search that matches only the start of names still finds it.
            FilterMatch.Text => value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length >= 4 && w.All(char.IsLetter)),
            // A moment just before (after) the record's own, so the record is inside the range either way.
            // A date-time without a timezone names no instant: the filter cannot be judged from it.
            FilterMatch.After or FilterMatch.Before when !HasZone(value) => null,
            FilterMatch.After => Moment(value)?.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            FilterMatch.Before => Moment(value)?.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>
    /// A value no record has, to see that the filter excludes: a word no text holds, an id shaped like the feed's own
    /// (a server may refuse a malformed one), a moment after (before) every record.
    /// </summary>
    /// <param name="allowed">The values the parameter allows, where its schema lists them: then one of those no record has, or none.</param>
    public static string? NoRecordHas(Filter filter, string? example, IReadOnlyList<string>? allowed = null, IReadOnlySet<string>? seen = null) =>
        allowed is { Count: > 0 } ? allowed.FirstOrDefault(v => seen is null || !seen.Contains(v, StringComparer.OrdinalIgnoreCase))
        : filter.Match switch
        {
            FilterMatch.Text => NoSuchWord,
            FilterMatch.After => "2999-12-31T23:59:59Z",
            FilterMatch.Before => "1900-01-01T00:00:00Z",
            _ => NegativeProbes.UnknownIdLike(example ?? ""),
        };

    public const string NoSuchWord = "xqzvkjwpt";

    /// <summary>True or false where the record shows the field; null where it cannot tell.</summary>
    public static bool? Satisfies(JsonObject record, FilterCondition condition)
    {
        if (condition.Filter.Match == FilterMatch.Text) return null; // a search may match on any field: only the source record is required
        var (values, complete) = Reached(record, condition.Filter, condition.Related);
        // A date-time without a timezone, or one naming no real moment, says nothing (datetime-timezone reports it).
        if (condition.Filter.Match is FilterMatch.After or FilterMatch.Before) values = values.Where(v => HasZone(v) && Moment(v) is not null).ToList();
        if (values.Count == 0) return null;
        var holds = condition.Filter.Match switch
        {
            FilterMatch.After => values.Any(v => Moment(v) >= Moment(condition.Value)),
            FilterMatch.Before => values.Any(v => Moment(v) <= Moment(condition.Value)),
            _ => values.Contains(condition.Value, StringComparer.OrdinalIgnoreCase), // ids echoed in another case are the same ids
        };
        return holds || complete ? holds : null; // a connected record not known might hold it
    }

    private static bool HasZone(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "(Z|[+-][0-9]{2}:?[0-9]{2})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static DateTimeOffset? Moment(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
}
