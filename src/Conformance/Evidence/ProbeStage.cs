namespace Conformance.Evidence;

/// <summary>When a check's requests are sent: after its operation's reads, or once every operation has been read.</summary>
public enum ProbeStage
{
    AfterOperation,
    /// <summary>For requests built from what other operations returned (filters take values from records fetched whole).</summary>
    AfterAllOperations,
}
