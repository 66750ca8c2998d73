namespace Conformance.Running;

/// <summary>The requests --negative sends, made to fail, and the check that judges them.</summary>
public static class NegativeProbes
{
    public const string Check = "errors-refuse-properly";
    public const string UnknownId = "unknown id";
    public const string InvalidPage = "invalid page number";
    /// <summary>An id no real record has.</summary>
    public const string UnknownIdValue = "conformance-no-such-record-0000";
    public const string InvalidPageValue = "not-a-number";
}
