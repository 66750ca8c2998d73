namespace Conformance.Standards;

/// <summary>
/// Records whose clients manage their versions (APDS "Identifiers, Resource Versioning"): an update names the
/// version after the latest and raises it to that; one naming an older version is a conflict. Judged with one
/// update, sent only with --allow-writes to a test environment.
/// </summary>
public sealed class Versioning
{
    /// <summary>The record's version field.</summary>
    public string Field { get; init; } = "version";
    /// <summary>The status a stale update gets.</summary>
    public int Conflict { get; init; } = 409;
    /// <summary>The endpoints a record is updated at (with PUT), by its id; the first with a record fetched is written.</summary>
    public required IReadOnlyList<string> Endpoints { get; init; }
}
