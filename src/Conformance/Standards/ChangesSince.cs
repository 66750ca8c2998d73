namespace Conformance.Standards;

/// <summary>
/// A filter for what changed since an instant (NPP: modified_since, Unix epoch seconds): asked for a moment to come,
/// no record has changed since; asked for the epoch, every record has. Deletions since the instant are listed
/// beside the records (<see cref="Deleted"/>).
/// </summary>
public sealed class ChangesSince
{
    public string Parameter { get; init; } = "modified_since";
    public required IReadOnlyList<string> Endpoints { get; init; }
    /// <summary>The page's member listing the records deleted since the instant, where the standard has one.</summary>
    public string? Deleted { get; init; }
}
