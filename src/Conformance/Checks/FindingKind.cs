namespace Conformance.Checks;

/// <summary>What a check concluded about one operation, before the clause and tier turn it into an outcome.</summary>
public enum FindingKind
{
    /// <summary>The rule holds on every exchange looked at.</summary>
    Satisfied,
    /// <summary>The rule is broken; the clause's level and the endpoint's tier decide fail or warning.</summary>
    Violated,
    /// <summary>The rule could not be tested here (e.g. no ids to follow); the reason says why.</summary>
    Skipped,
    /// <summary>The harness could not judge (e.g. the spec's schema cannot be built).</summary>
    Error,
    /// <summary>Worth knowing, never a fault (e.g. data not assured lately): it does not touch the verdict.</summary>
    Info,
}
