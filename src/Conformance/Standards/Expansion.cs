namespace Conformance.Standards;

/// <summary>
/// A parameter that adds optional parts to records by name (NPP: expand, a comma list, with all and none): each part
/// named adds its fields, and no other part's.
/// </summary>
public sealed class Expansion
{
    public string Parameter { get; init; } = "expand";
    public string All { get; init; } = "all";
    public string None { get; init; } = "none";
    /// <summary>By endpoint: each part's name and the record fields that hold it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Endpoints { get; init; }
}
