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
/// What the runner did for one operation: the requests it sent (ordinary reads every check judges, and requests sent
/// for one check), or why nothing was sent. A run that is
/// <see cref="NotApplicable"/> had nothing to test (no listed record has a record there): nothing is untested.
/// One that is <see cref="DeclaredAbsent"/> was declared not implemented by the vendor: only its refusal is judged.
/// </summary>
public sealed record OperationRun(
    SpecOperation Operation,
    Tier Tier,
    OperationRole Role,
    IReadOnlyList<SentRequest> Requests,
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

    /// <summary>Every exchange of the operation, ordinary reads and requests sent for one check alike.</summary>
    public IEnumerable<Exchange> Exchanges => Requests.Select(r => r.Exchange);
    /// <summary>The ordinary reads, which every check judges; requests sent for one check are left to it.</summary>
    public IEnumerable<SentRequest> Reads => Requests.Where(r => r.IsOrdinary);
    /// <summary>The first ordinary read; requests sent for one check never count as it.</summary>
    public Exchange? Primary => Reads.FirstOrDefault()?.Exchange;
    /// <summary>The answers to ordinary reads; requests sent for one check are left to it.</summary>
    public IEnumerable<Exchange> Answered => Reads.Select(r => r.Exchange).Where(e => e.Answered);

    /// <summary>The requests sent for one owner (a check), in the order they were sent.</summary>
    public IEnumerable<SentRequest> SentFor(RequestOwner owner) => Requests.Where(r => ReferenceEquals(r.Owner, owner));
}
