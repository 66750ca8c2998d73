using System.Text.Json.Nodes;
using System.Text.Json;

namespace Conformance.Standards;

/// <summary>
/// Whether a record meets a profile's only_where conditions (which records have a service definition, which
/// record a write takes its values from). A boolean sent as the text "true" or "false" counts as that boolean:
/// the schema already reports the wrong type, and the record must not silently drop out of the lookups.
/// </summary>
public static class OnlyWhere
{
    public static bool Holds(JsonObject record, IReadOnlyDictionary<string, JsonNode?> conditions) =>
        conditions.All(condition => Meets(record[condition.Key], condition.Value));

    private static bool Meets(JsonNode? value, JsonNode? expected) =>
        JsonNode.DeepEquals(value, expected)
        || (expected is JsonValue wanted && wanted.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            && value is JsonValue given && given.TryGetValue<string>(out var text)
            && bool.TryParse(text.Trim(), out var meant) && meant == (wanted.GetValueKind() == JsonValueKind.True));
}
