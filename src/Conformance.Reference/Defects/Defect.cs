using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>
/// A named, small transformation of a reference implementation that breaks exactly one rule, and the check
/// that must catch it. A trap (no <see cref="Check"/>) is the opposite: something odd but conforming that
/// must still pass. Together they measure the harness's false-pass and false-fail rates.
/// </summary>
public sealed record Defect
{
    /// <summary>Stable kebab-case name: `serve --defect NAME` and the defect matrix use it.</summary>
    public required string Name { get; init; }
    public required string Standard { get; init; }
    /// <summary>What the defect does, in a line.</summary>
    public required string Breaks { get; init; }
    /// <summary>The check that must catch it; null for a trap.</summary>
    public string? Check { get; init; }
    /// <summary>
    /// Fail where a MUST breaks on a required endpoint; Warning on an optional endpoint or a SHOULD; Error where the
    /// harness must say it could not judge (a body it will not read) rather than blame anyone.
    /// </summary>
    public Outcome Expected { get; init; } = Outcome.Fail;
    /// <summary>Checks that rightly catch it too, each with the reason (two clauses state the same rule).</summary>
    public IReadOnlyDictionary<string, string> AlsoCaughtBy { get; init; } = new Dictionary<string, string>();
    /// <summary>How the defect changes a conforming implementation.</summary>
    public Func<Handler, Handler> Apply { get; init; } = handler => handler;
    /// <summary>
    /// For a defect whose answers name the server's own address (a document it serves, named in its / document): how it
    /// changes the implementation served at that base URL. Applied after <see cref="Apply"/>.
    /// </summary>
    public Func<Uri, Func<Handler, Handler>>? ApplyAt { get; init; }
    /// <summary>
    /// For a reference behind a gate (the NPP's OAuth2): how the defect changes the whole server, gate and token endpoint
    /// included, seeing whole requests (headers and bodies). Applied after <see cref="Apply"/>, outside the gate.
    /// </summary>
    public Func<RequestHandler, RequestHandler>? Around { get; init; }
    /// <summary>What the run against it needs beyond the defaults (a declared jurisdiction, a key, a short timeout).</summary>
    public Func<RunRequest, RunRequest> Prepare { get; init; } = request => request;

    public bool IsTrap => Check is null;
}
