namespace Conformance.Standards;

/// <summary>Two fields of one object that start and end a period: wherever an object of a record has both, the start comes first.</summary>
public sealed class Period
{
    public required string Start { get; init; }
    public required string End { get; init; }
}
