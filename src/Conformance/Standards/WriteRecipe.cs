namespace Conformance.Standards;

/// <summary>
/// How to make one harmless write the standard defines (Open311: POST a service request), sent only with
/// --allow-writes to a vendor's test environment: the form fields, those taken from a record a list gave,
/// and what the answer must hold.
/// </summary>
public sealed class WriteRecipe
{
    public required string Endpoint { get; init; }
    public string Method { get; init; } = "POST";
    /// <summary>Fixed form fields.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();
    /// <summary>Form fields taken from a record the list gave (e.g. a service_code).</summary>
    public FromRecord? FormFromRecord { get; init; }
    /// <summary>The answer holds a record with at least one of these fields (Open311: service_request_id or token).</summary>
    public IReadOnlyList<string> ExpectAnyOf { get; init; } = [];
}

public sealed class FromRecord
{
    /// <summary>The list, by the spec's path.</summary>
    public required string List { get; init; }
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> OnlyWhere { get; init; } =
        new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();
    /// <summary>Form field → record field.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }
}
