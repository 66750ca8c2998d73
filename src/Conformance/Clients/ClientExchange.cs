using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Clients;

/// <summary>
/// One request the client sent and what the stand-in answered, as the checks read it: the exchange (the evidence
/// reports show), the operation it was for, its arguments as read, the manner that answered it on purpose (if any),
/// when it arrived and was answered on the session's own clock, the steps of the scenario it did and what it created.
/// </summary>
public sealed record ClientExchange
{
    /// <summary>The operation named for a request that is no operation of the standard.</summary>
    public const string NoOperation = "(no operation of the standard)";

    /// <summary>1 for the first request of the session, in the order they arrived.</summary>
    public required int Number { get; init; }
    public required Exchange Exchange { get; init; }
    public Route? Route { get; init; }
    public RequestContract? Contract { get; init; }
    /// <summary>The arguments read: path values, query, the header parameters it declares, and a form where one may carry them.</summary>
    public IReadOnlyList<Argument> Arguments { get; init; } = [];
    /// <summary>Why the body's arguments could not be read (a media type the operation does not take), or null.</summary>
    public string? Unreadable { get; init; }
    /// <summary>The manner that answered it on purpose, or null where the reference implementation answered.</summary>
    public MannerKind? Manner { get; init; }
    /// <summary>When it arrived and when it was answered, from the start of the session (a monotonic clock).</summary>
    public required TimeSpan Arrived { get; init; }
    public required TimeSpan Answered { get; init; }
    /// <summary>The scenario's steps this request did.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    public string Operation => Route?.Operation.Id ?? NoOperation;
    public int? Status => Exchange.Status;
    public bool Succeeded => Manner is null && Exchange.IsSuccess;

    /// <summary>The values of an argument, wherever it came (a comma list is one value).</summary>
    public IEnumerable<string> Values(string name) => Arguments.Where(a => a.Name == name).Select(a => a.Value);

    /// <summary>The header a request carried, as received.</summary>
    public string? Header(string name) => Exchange.RequestHeader(name);
}
