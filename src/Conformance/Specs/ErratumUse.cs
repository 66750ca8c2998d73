namespace Conformance.Specs;

/// <summary>How a profile's erratum met a document: applied to it, not applied (the document does not hold what it corrects), or already in our transcription.</summary>
public enum ErratumUse
{
    Applied,
    NotApplied,
    Incorporated,
}
