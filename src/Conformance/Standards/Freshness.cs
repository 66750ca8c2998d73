namespace Conformance.Standards;

/// <summary>A date field that says how recently a record was checked, and the age beyond which that is worth telling.</summary>
public sealed class Freshness
{
    public required string Field { get; init; }
    public required IReadOnlyList<string> Endpoints { get; init; }
    public int MaxAgeDays { get; init; } = 92;
}
