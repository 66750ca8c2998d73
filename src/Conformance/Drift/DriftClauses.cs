using Conformance.Standards;

namespace Conformance.Drift;

/// <summary>
/// The clauses a `conformance drift` run cites: what a supplier's OpenAPI document must keep of the standard's so
/// that no client built on the standard breaks. Each rule (<see cref="DriftRules"/>) falls under one.
/// </summary>
public static class DriftClauses
{
    private const string Source = "the standard's OpenAPI document: client code generated from it must work against the supplier's (docs/drift.md)";

    public static Clause Operations { get; } = Must("DRIFT/operations",
        "The supplier's document offers every operation the standard requires, at the same path and method, open to the same callers.");
    public static Clause Requests { get; } = Must("DRIFT/requests",
        "A request the standard allows is allowed by the supplier's document: no parameter or field required that the standard leaves optional, none the standard defines refused, no value the standard allows refused.");
    public static Clause Responses { get; } = Must("DRIFT/responses",
        "A response the supplier's document describes promises at least what the standard's does: the same success statuses and media types, every field the standard requires, each of a type, format and set of values the standard allows.");
    public static Clause Pagination { get; } = Must("DRIFT/pagination",
        "Lists keep the standard's pagination: its page parameters and the fields of its page envelope, of the same types.");
    public static Clause Readable { get; } = Must("DRIFT/readable",
        "The supplier's document can be read whole: every $ref it makes can be followed (within the fetch rules, or from a --ref-map copy).");
    public static Clause Compatible { get; } = new()
    {
        Id = "DRIFT/compatible", Level = Level.May, Source = Source,
        Statement = "The supplier's document may add what the standard allows: optional fields and parameters, operations, statuses and media types; a response may promise more (fewer values, more required fields).",
    };
    public static Clause Documentation { get; } = new()
    {
        Id = "DRIFT/documentation", Level = Level.May, Source = Source,
        Statement = "Descriptions, summaries, titles and examples may differ: they change no client.",
    };

    public static IReadOnlyList<Clause> All { get; } = [Operations, Requests, Responses, Pagination, Readable, Compatible, Documentation];

    public static Clause Get(string id) => All.First(c => c.Id == id);

    private static Clause Must(string id, string statement) => new() { Id = id, Level = Level.Must, Statement = statement, Source = Source };
}
