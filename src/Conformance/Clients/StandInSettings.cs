namespace Conformance.Clients;

/// <summary>
/// What a stand-in gives the client and how much it takes from it: the credentials it issued (name → value, e.g.
/// api_key), values the client should use (jurisdiction_id), and its caps on requests and on a request's body.
/// </summary>
public sealed record StandInSettings
{
    public const int DefaultMaxRequests = 10_000;
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The credentials the stand-in issued, by the name the client sends them under: always secrets.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } = new Dictionary<string, string>();
    /// <summary>Values the client should use that are no secret (the jurisdiction the stand-in serves).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    /// <summary>After this many requests the stand-in records no more and answers 503: a runaway client is stopped, and judged.</summary>
    public int MaxRequests { get; init; } = DefaultMaxRequests;
    /// <summary>A body longer than this is refused with 413 unread (its first bytes kept as evidence).</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;
}
