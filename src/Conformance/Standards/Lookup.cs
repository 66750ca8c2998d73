namespace Conformance.Standards;

/// <summary>
/// Which listed records have a record at an /{id} endpoint, when not all do (Open311: only services with
/// metadata=true have a definition). Ids are taken only from records whose fields hold these values.
/// </summary>
public sealed class Lookup
{
    public required string Endpoint { get; init; }
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> OnlyWhere { get; init; } =
        new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();
}
