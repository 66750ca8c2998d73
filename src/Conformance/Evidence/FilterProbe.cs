using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>
/// One filtered request and what it must show: the filters and values applied (several: all must hold), the record
/// the values were taken from (it must be among the results), and the records known in full, by which records a list
/// shows only in part are judged. A probe that <see cref="Excludes"/> asks with a value no record has: it must give
/// fewer records than the list without it. It tags every page of its answer.
/// </summary>
public sealed record FilterProbe(
    IReadOnlyList<FilterCondition> Conditions,
    string? SourceId,
    string IdParameter,
    IReadOnlyList<JsonObject> Known,
    bool Excludes = false)
{
    public string Describe() => string.Join(" & ", Conditions.Select(c => $"{c.Filter.Parameter}={c.Value}"));
}

/// <param name="Related">The records of the list the filter reaches through (<see cref="Filter.Through"/>), as the run knows them.</param>
public sealed record FilterCondition(Filter Filter, string Value, IReadOnlyList<JsonObject>? Related = null);
