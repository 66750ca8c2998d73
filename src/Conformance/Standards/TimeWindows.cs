namespace Conformance.Standards;

/// <summary>
/// Filters on when records start and end (NPP: start_after, start_before, end_after, end_before, in Unix epoch
/// seconds). A record's start (or end) may be read from more than one field where the text leaves it open which
/// (a permit's issue, or its first planned use): a record is judged only where every field it has agrees.
/// </summary>
public sealed class TimeWindows
{
    public string StartAfter { get; init; } = "start_after";
    public string StartBefore { get; init; } = "start_before";
    public string EndAfter { get; init; } = "end_after";
    public string EndBefore { get; init; } = "end_before";
    public required IReadOnlyList<TimedList> Lists { get; init; }
}

/// <summary>A list the windows apply to, and the date-time fields its records start and end by.</summary>
public sealed class TimedList
{
    public required string Endpoint { get; init; }
    public required IReadOnlyList<string> Start { get; init; }
    public required IReadOnlyList<string> End { get; init; }
}
