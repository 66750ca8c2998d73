using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Running;

/// <summary>Everything a user asks of one run, however they asked (CLI flags, a test, another tool).</summary>
public sealed record RunRequest
{
    /// <summary>The standard, or null to judge <see cref="SpecOverride"/> as any OpenAPI document.</summary>
    public string? StandardId { get; init; }
    public required Uri Target { get; init; }
    /// <summary>A published spec to use instead of our transcription (path or URL); errata are applied to it.</summary>
    public string? SpecOverride { get; init; }
    /// <summary>Where the spec's remote `$ref`s may be read from (--ref-map, --allow-remote-refs) and how large a document may be.</summary>
    public FetchPolicy SpecFetch { get; init; } = new();
    public ProbeSettings Probe { get; init; } = new();
    public RunOptions Options { get; init; } = new();

    /// <summary>Every value that must never be shown, as known now (OAuth2 tokens join as they are issued).</summary>
    public IReadOnlyCollection<string> Secrets =>
        Probe.Credentials.Secrets.Concat(Probe.Headers.Select(h => h.Value)).Concat(Runner.QueryValues(Target)).Distinct().ToList();
}
