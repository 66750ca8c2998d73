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
    /// <summary>
    /// The record field (dotted path, [] for arrays) the filter is judged against, where one exists; several where
    /// the schema allows the same fact in more than one shape (a flat taxonomy_term_id, or a nested taxonomy_term.id).
    /// </summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(OneOrMany))]
    public IReadOnlyList<string>? Field { get; init; }

    public string FieldName => string.Join(" or ", Field ?? []);
    /// <summary>
    /// How a returned record's field must relate to the value for the filter to be judged: equals, after
    /// (date-time at or after), before (at or before), or text (the record the text was taken from must be
    /// found; other matches are the server's to choose). None: the filter is documented but not judged.
    /// </summary>
    public FilterMatch? Match { get; init; }
    /// <summary>
    /// Where the filter is judged by records of another list that the record is connected to (an assigned right's places
    /// are its right specification's): <see cref="Field"/> then names the connection in the record, and the hop the value
    /// judged there.
    /// </summary>
    public FilterHop? Through { get; init; }
}

/// <summary>
/// A step from a record to records of another list: those whose ids the record's field holds, or (<see cref="By"/>)
/// those whose field names the record's value (a rate table is named by the right specifications that use it).
/// </summary>
public sealed class FilterHop
{
    public required string List { get; init; }
    /// <summary>Where the other list's records name this record, for a connection the other way round.</summary>
    public string? By { get; init; }
    /// <summary>The field of the other list's records the filter's value is judged against.</summary>
    public required string Field { get; init; }
}
