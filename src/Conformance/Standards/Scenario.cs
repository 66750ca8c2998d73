using System.Text.Json.Serialization;

namespace Conformance.Standards;

/// <summary>
/// What a client of a standard is asked to do while the stand-in judges it (standards/ID/scenarios/NAME.yaml): the role
/// it plays, the steps whose requests must appear (each done by a request answered with success, after the steps it
/// names), the clauses each step proves, and the manners the stand-in probes on purpose. Not completed in time: the
/// run is inconclusive, never a pass.
/// </summary>
public sealed class Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The role the client plays (a reporting app, a permit supplier), named by certificates.</summary>
    public required string Role { get; init; }
    /// <summary>What the client is asked to do, in words a supplier can follow.</summary>
    public required string Asks { get; init; }
    /// <summary>How long a client has to complete it, unless the stand-in is told otherwise (--for).</summary>
    public int TimeLimitSeconds { get; init; } = 300;
    public required IReadOnlyList<ScenarioStep> Steps { get; init; }
    public IReadOnlyList<Manner> Manners { get; init; } = [];
    /// <summary>The file it was read from (set by the loader).</summary>
    public string Source { get; init; } = "";

    public ScenarioStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>One thing the client must do: a request to one of <see cref="Requests"/> answered with success.</summary>
public sealed class ScenarioStep
{
    public required string Id { get; init; }
    /// <summary>What the step asks, in words ("post a service request with its required attributes").</summary>
    public required string Does { get; init; }
    /// <summary>The operations that do it, "METHOD /path" as the document writes the path; any one will do.</summary>
    public required IReadOnlyList<string> Requests { get; init; }
    /// <summary>Steps that must be done before this one counts (in order where the standard needs an order).</summary>
    public IReadOnlyList<string> After { get; init; } = [];
    /// <summary>Fields of this step's answer that name what it created (service_request_id, token): a later step may have to name one.</summary>
    public IReadOnlyList<string> Creates { get; init; } = [];
    /// <summary>A step whose created values this step's request must name (read back what was made).</summary>
    public string? Names { get; init; }
    /// <summary>The clauses its requests give evidence for: a step never done leaves them unproven.</summary>
    public IReadOnlyList<string> Proves { get; init; } = [];
}

/// <summary>
/// A client manner the stand-in probes on purpose, on the first request of a step: an answer a well-behaved client
/// copes with, judged by the check that owns the manner.
/// </summary>
public sealed class Manner
{
    public required MannerKind Kind { get; init; }
    /// <summary>The step whose first request is answered so.</summary>
    public required string Step { get; init; }
    /// <summary>retry-after: the Retry-After it sends; server-error: how long the 503s last.</summary>
    public int Seconds { get; init; } = 2;
    /// <summary>server-error: how many times a client may ask again while the 503s last.</summary>
    public int MostRetries { get; init; } = 5;
    /// <summary>paging: the records on each page of a list the step reads.</summary>
    public int PageSize { get; init; } = 1;
}

public enum MannerKind
{
    /// <summary>429 Too Many Requests with Retry-After: the client waits that long before it asks again.</summary>
    [JsonStringEnumMemberName("retry-after")] RetryAfter,
    /// <summary>503 for a while, without Retry-After: the client asks again a bounded number of times, not a storm.</summary>
    [JsonStringEnumMemberName("server-error")] ServerError,
    /// <summary>A list in small pages: the client follows the pages it needs and stops.</summary>
    [JsonStringEnumMemberName("paging")] Paging,
    /// <summary>The client's token expires: it gets a new one from the token endpoint and does not reuse the old.</summary>
    [JsonStringEnumMemberName("token-expiry")] TokenExpiry,
    /// <summary>A write answered 409 for a stale version: the client reads the current one, and does not loop.</summary>
    [JsonStringEnumMemberName("stale-version")] StaleVersion,
}
