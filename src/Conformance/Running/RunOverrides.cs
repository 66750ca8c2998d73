namespace Conformance.Running;

/// <summary>
/// What a front end (flags, a test fixture, another tool) says about a run. Each value left out falls back to the
/// vendor profile, then to the defaults (<see cref="RunRequest.From"/>); a value given always wins.
/// </summary>
public sealed record RunOverrides
{
    /// <summary>A standard id, "auto" (chosen from the target's / document), or null for any OpenAPI document (<see cref="Spec"/>).</summary>
    public string? Standard { get; init; }
    public string? Url { get; init; }
    /// <summary>Test the standard's built-in reference implementation (the front end starts it).</summary>
    public bool Reference { get; init; }
    /// <summary>A published spec, path or URL, instead of our transcription.</summary>
    public string? Spec { get; init; }
    /// <summary>PREFIX=DIR mappings for remote $refs.</summary>
    public IReadOnlyList<string> RefMap { get; init; } = [];
    public IReadOnlyList<string> AllowRemoteRefs { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    public double? TimeoutSeconds { get; init; }
    /// <summary>Requests a second; <see cref="Unlimited"/> for no limit (a local target).</summary>
    public double? RequestsPerSecond { get; init; }
    public const double Unlimited = double.PositiveInfinity;
    public double? DeadlineSeconds { get; init; }
    public int? MaxPages { get; init; }
    public int? MaxBodyMb { get; init; }
    public int? Seed { get; init; }
    public bool HarvestAll { get; init; }
    /// <summary>The most pages a harvest reads of one list.</summary>
    public int? HarvestPages { get; init; }
    public bool AllowWrites { get; init; }
    /// <summary>Opt-in groups of requests to send, by name (--negative is "negative"; --probe NAME).</summary>
    public IReadOnlyList<string> OptIns { get; init; } = [];
}
