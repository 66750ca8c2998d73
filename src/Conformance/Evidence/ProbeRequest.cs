using Conformance.Http;

namespace Conformance.Evidence;

/// <summary>
/// A request a check needs beyond the ordinary reads, declared as data: the runner sends it, records the check as its
/// owner (with <see cref="Tag"/> and <see cref="Kind"/>) on the <see cref="SentRequest"/>, and only that check judges it. <see cref="Then"/> asks for a further request from
/// this one's answer (the next page of a filtered list), or null to stop.
/// </summary>
public sealed record ProbeRequest(string Purpose, Uri Url)
{
    /// <summary>Sent without the user's credentials and headers.</summary>
    public bool Anonymous { get; init; }
    public long? Page { get; init; }
    public string? RecordId { get; init; }
    /// <summary>A form to POST: only a write the user allowed on a test environment.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }
    /// <summary>JSON to PUT or POST: only a write the user allowed on a test environment.</summary>
    public JsonWrite? Write { get; init; }
    /// <summary>Headers of the check's own (a forged token sent without the user's credentials), after the operation's.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>Sent with a token the run's OAuth2 client asks for this scope, not the run's own.</summary>
    public string? Scope { get; init; }
    /// <summary>What the check needs to read the answer by (its own type: which probe this was, which filter...).</summary>
    public object? Tag { get; init; }
    /// <summary>Its kind, where other checks may use such requests (<see cref="RequestOwner.Uses"/>).</summary>
    public RequestKind? Kind { get; init; }
    public Func<Exchange, ProbeRequest?>? Then { get; init; }
}
