namespace Conformance.Standards;

/// <summary>
/// References that name a record at a version (APDS's VersionedReference: id and version), each of which must
/// resolve at the named record's endpoint asked for that version.
/// </summary>
public sealed class VersionedReferences
{
    /// <summary>The query parameter that asks a record's endpoint for one version.</summary>
    public string Parameter { get; init; } = "version";
    /// <summary>The field of a record and of a reference that holds its version.</summary>
    public string Field { get; init; } = "version";
    public required IReadOnlyList<ReferenceLink> Links { get; init; }
}

/// <summary>Records of one list name records of another: at a field (dotted, [] for arrays) holding {id, version}.</summary>
public sealed class ReferenceLink
{
    /// <summary>The list whose records hold the reference.</summary>
    public required string From { get; init; }
    public required string Field { get; init; }
    /// <summary>The endpoint that gives the named record by its id (its one path parameter).</summary>
    public required string To { get; init; }
}
