using Conformance.Http;

namespace Conformance.Evidence;

/// <summary>
/// A request the run sent, as the run knows it: the exchange (what went and what came back, as evidence), and what
/// the harness learned sending it, kept beside the exchange: the page or record it asked for, whom it belongs to and
/// what the owner noted on it, and whether the page-wise checks were told its answer as it arrived. An ordinary read
/// (no <see cref="Owner"/>, no <see cref="Kind"/>) is judged by every check.
/// </summary>
public sealed record SentRequest(Exchange Exchange)
{
    /// <summary>The page this request asked for, when it sampled a paginated list.</summary>
    public long? Page { get; init; }
    /// <summary>The record id this request asked for, when it fetched one record.</summary>
    public string? RecordId { get; init; }
    /// <summary>The check it was sent for, by reference; null for an ordinary read (or a runner's request no check uses).</summary>
    public RequestOwner? Owner { get; init; }
    /// <summary>Its kind where whoever made it declared one, for others that use it (<see cref="RequestOwner.Uses"/>).</summary>
    public RequestKind? Kind { get; init; }
    /// <summary>What the owning check tagged its request with, to tell its requests apart (<see cref="ProbeRequest.Tag"/>).</summary>
    public object? Tag { get; init; }
    /// <summary>Set when the page-wise checks were told this answer as it arrived (a page of a list): they never read it again.</summary>
    public bool JudgedOnArrival { get; init; }

    /// <summary>Whether every check judges it: no check asked for it, and the runner made it as an ordinary read.</summary>
    public bool IsOrdinary => Owner is null && Kind is null;
}
