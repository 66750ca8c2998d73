namespace Conformance.Drift;

/// <summary>Who a difference between a supplier's document and the standard's breaks.</summary>
public enum DriftKind
{
    /// <summary>A client built on the standard breaks against the supplier's document: a failure.</summary>
    Breaking,
    /// <summary>Something the standard allows (an addition, a tighter response): information.</summary>
    Compatible,
    /// <summary>Descriptions, summaries, examples: information.</summary>
    Documentation,
    /// <summary>The harness could not compare (a `$ref` it may not read): neither side is blamed.</summary>
    Unjudged,
}

/// <summary>Which way a difference is read: what a server sends may promise more, never less; what it accepts may be more, never less.</summary>
public enum DriftDirection { Operation, Request, Response }

/// <summary>
/// One kind of difference drift reports, as data: a stable id (users put it in baselines), who it breaks, which way
/// it is read, the clause it falls under, what it means in plain words, and an example that shows it (with a rewrite
/// of the standard that says the same thing another way, which must not be reported).
/// </summary>
public sealed record DriftRule(
    string Id,
    DriftKind Kind,
    DriftDirection Direction,
    string Clause,
    string Title,
    string Explanation,
    DriftExample Example);

/// <summary>
/// A pair of small documents that shows a rule: the standard's, the supplier's (where the rule is found) and an
/// equivalent rewrite of the standard's (where nothing but documentation may be found). Each is a fragment placed
/// into <see cref="Frame"/>, or a whole document where it starts with `openapi:` or `swagger:`.
/// </summary>
/// <param name="OptionalPaths">Paths the example's standard makes optional (every other path is required).</param>
public sealed record DriftExample(ExampleFrame Frame, string Standard, string Supplier, string Equivalent, IReadOnlyList<string>? OptionalPaths = null);

/// <summary>Where an example's fragment sits in a small OpenAPI 3.0 document.</summary>
public enum ExampleFrame
{
    /// <summary>The JSON schema of GET /things' 200 response.</summary>
    ResponseSchema,
    /// <summary>The parameters of GET /things (which answers 200 with an object).</summary>
    Parameters,
    /// <summary>The JSON schema of POST /things' request body (answered 201).</summary>
    RequestSchema,
    /// <summary>The operation object of GET /things.</summary>
    OperationObject,
    /// <summary>The whole `paths` object.</summary>
    Paths,
}
