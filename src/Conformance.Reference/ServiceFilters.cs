using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>
/// The Open Referral list filters over full service records: text search, taxonomy term and taxonomy,
/// organization, modified_after and the age bounds. Several together are cumulative (AND); an empty value is
/// no filter; a value of the wrong kind is the client's error (400).
/// </summary>
public static class ServiceFilters
{
    /// <summary>The services that pass every filter given, or the reason a filter value is invalid.</summary>
    public static (IEnumerable<JsonObject> Services, string? Invalid) Apply(IEnumerable<JsonObject> services, IReadOnlyDictionary<string, string> query)
    {
        string? Value(string name) => query.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        var result = services;
        if (Value("search") is { } text)
            result = result.Where(s => Mentions(s, text));
        if (Value("taxonomy_term_id") is { } term)
            result = result.Where(s => Attributes(s).Any(a => a["taxonomy_term_id"]?.ToString() == term));
        if (Value("taxonomy_id") is { } taxonomy)
            result = result.Where(s => Attributes(s).Any(a => a["taxonomy_term"]?["taxonomy_id"]?.ToString() == taxonomy));
        if (Value("organization_id") is { } organization)
            result = result.Where(s => s["organization_id"]?.ToString() == organization);
        if (Value("modified_after") is { } after)
        {
            if (!DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                return ([], $"modified_after must be a date-time, not '{after}'.");
            result = result.Where(s => DateTimeOffset.TryParse(s["last_modified"]?.ToString(), CultureInfo.InvariantCulture, out var at) && at > since);
        }
        foreach (var (name, atLeast) in new[] { ("minimum_age", true), ("maximum_age", false) })
        {
            if (Value(name) is not { } bound) continue;
            if (!int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out var age))
                return ([], $"{name} must be a whole number, not '{bound}'.");
            result = result.Where(s => s[name] is JsonValue v && v.TryGetValue<int>(out var own) && (atLeast ? own >= age : own <= age));
        }
        return (result, null);
    }

    /// <summary>The filters of lists other than services (HSDS): text search, and taxonomy_id on taxonomy terms.</summary>
    public static List<JsonObject> Plain(IEnumerable<JsonObject> records, IReadOnlyDictionary<string, string> query)
    {
        var result = records;
        if (query.GetValueOrDefault("search") is { Length: > 0 } text) result = result.Where(r => Mentions(r, text));
        if (query.GetValueOrDefault("taxonomy_id") is { Length: > 0 } taxonomy) result = result.Where(r => r["taxonomy_id"]?.ToString() == taxonomy);
        return result.ToList();
    }

    private static bool Mentions(JsonObject service, string text) =>
        new[] { service["name"], service["description"] }.Any(f => f?.ToString().Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    private static IEnumerable<JsonObject> Attributes(JsonObject service) => (service["attributes"] as JsonArray ?? []).OfType<JsonObject>();
}
