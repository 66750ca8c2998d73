namespace Conformance.Standards;

/// <summary>
/// A query parameter the standard's text gives a meaning to, so behaviour can be checked beyond the schema:
/// which endpoints take it, what a record must satisfy to be returned, and the record field it reads.
/// </summary>
public sealed class Filter
{
    public required string Parameter { get; init; }
    public required IReadOnlyList<string> Endpoints { get; init; }
    public required string Meaning { get; init; }
    /// <summary>The record field (dotted path, [] for arrays) the filter is judged against, where one exists.</summary>
    public string? Field { get; init; }
}
