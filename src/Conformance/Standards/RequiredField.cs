namespace Conformance.Standards;

/// <summary>
/// A field the standard's text requires of every record an endpoint returns, beyond the schema's required
/// list. Any one of the paths may carry it (ORUK: organization_id, or organization.id in the nested form).
/// </summary>
public sealed class RequiredField
{
    public required IReadOnlyList<string> Endpoints { get; init; }
    public required IReadOnlyList<string> AnyOf { get; init; }
}
