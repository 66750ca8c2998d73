using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>
/// A client of a standard with one defect (or none: the conforming client, or a trap that is odd but conforming), the
/// scenario a stand-in plays for it, and how it must be judged: the check that must catch it, with what outcome, and the
/// verdict. The client side of the defect catalogue.
/// </summary>
public sealed record ClientDefect
{
    /// <summary>Stable kebab-case name, as the matrix shows it.</summary>
    public required string Name { get; init; }
    public required string Standard { get; init; }
    public required string Scenario { get; init; }
    /// <summary>What the client does wrong, in a line (or what it does, for the conforming client and traps).</summary>
    public required string Breaks { get; init; }
    /// <summary>The check that must catch it; null for a client that must pass.</summary>
    public string? Check { get; init; }
    /// <summary>Fail for a MUST, Warning for a SHOULD; Skipped where the client never completes, which leaves the run inconclusive.</summary>
    public Outcome Expected { get; init; } = Outcome.Fail;
    /// <summary>The verdict the run must reach.</summary>
    public required string Verdict { get; init; }
    /// <summary>Checks that rightly catch it too, each with the reason.</summary>
    public IReadOnlyDictionary<string, string> AlsoCaughtBy { get; init; } = new Dictionary<string, string>();
    /// <summary>The client itself: it talks to the stand-in until it is done.</summary>
    public required Func<StandInAddress, CancellationToken, Task> Client { get; init; }

    public bool MustPass => Check is null;
}
