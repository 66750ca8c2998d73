namespace Conformance.Standards;

/// <summary>
/// The field that identifies a record in each of the lists named: no two records of one list share its value
/// (ids-unique). The same value in two different lists is no clash.
/// </summary>
public sealed class UniqueId
{
    public required string Field { get; init; }
    public required IReadOnlyList<string> Endpoints { get; init; }
    /// <summary>Whether ids that differ only in letter case are the same id, as UUIDs are (RFC 9562 §4); otherwise ids are compared exactly.</summary>
    public bool IgnoreCase { get; init; }

    public StringComparer Comparer => IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
