namespace Conformance.Running;

/// <summary>What a check result means for the verdict.</summary>
public enum Outcome { Pass, Warning, Fail, Skipped, Error, Info }
