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
}
