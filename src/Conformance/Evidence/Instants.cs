using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Evidence;

/// <summary>
/// The instants a record's date-time fields name: only a date-time with Z or an offset names one (RFC 3339); a date
/// alone, or a date-time without a zone, names none and is left unjudged.
/// </summary>
public static class Instants
{
    public static DateTimeOffset? Of(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && HasZone(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>Every instant the field paths reach in a record (dotted, [] for arrays).</summary>
    public static List<DateTimeOffset> In(JsonObject record, IEnumerable<string> paths) =>
        paths.SelectMany(p => FilterMatching.Values(record, p)).Select(Of).OfType<DateTimeOffset>().ToList();

    /// <summary>Unix epoch seconds, as the NPP's query parameters take an instant.</summary>
    public static long Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static bool HasZone(string text) =>
        text.Length > 10 && text.Contains('T', StringComparison.OrdinalIgnoreCase)
        && (text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
