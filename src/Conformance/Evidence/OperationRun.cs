using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>The role an operation plays in a standard, which decides how it is probed.</summary>
public enum OperationRole
{
    /// <summary>The discovery document at the API's root.</summary>
    Discovery,
    /// <summary>A paginated list: sampled at its first, a middle and its last page.</summary>
    List,
    /// <summary>One record by id: fetched with ids harvested from its list.</summary>
    Item,
    /// <summary>Anything else that can be called without parameters: fetched once.</summary>
    Other,
    /// <summary>A write, made once with --allow-writes against a test environment, from the profile's recipe.</summary>
    Write,
}

/// <summary>
/// What the runner did for one operation: the exchanges checks judge, or why nothing was sent. A run that is
/// <see cref="NotApplicable"/> had nothing to test (no listed record has a record there): nothing is untested.
/// One that is <see cref="DeclaredAbsent"/> was declared not implemented by the vendor: only its refusal is judged.
/// </summary>
public sealed record OperationRun(
    SpecOperation Operation,
    Tier Tier,
    OperationRole Role,
    IReadOnlyList<Exchange> Exchanges,
    string? SkipReason = null,
    ResponseFormat? Format = null,
    bool NotApplicable = false,
    bool DeclaredAbsent = false)
{
    /// <summary>The number of a list's first page: 1, or 0 where the feed was found to count from 0 (<see cref="PageOrigin"/>).</summary>
    public long FirstPage { get; init; } = 1;

    /// <summary>Values the harness took from the document for this operation's requests, because nobody gave them.</summary>
    public IReadOnlyList<GuessedValue> Guessed { get; init; } = [];

    /// <summary>The header parameters this operation's requests carry (given, or taken from the document).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The first ordinary read; requests sent for one check never count as it.</summary>
    public Exchange? Primary => Exchanges.FirstOrDefault(e => e.OwnedBy is null);
    /// <summary>The answers to ordinary reads; requests sent for one check are left to it.</summary>
    public IEnumerable<Exchange> Answered => Exchanges.Where(e => e.Answered && e.OwnedBy is null);
}
