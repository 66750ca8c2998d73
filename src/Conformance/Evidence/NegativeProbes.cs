namespace Conformance.Evidence;

/// <summary>The requests --negative sends, made to fail, and the check that judges them.</summary>
public static class NegativeProbes
{
    public const string Check = "errors-refuse-properly";
    public const string UnknownId = "unknown id";
    public const string InvalidPage = "invalid page number";
    /// <summary>An id no real record has, shaped like a real one (a server may refuse a malformed id with 400).</summary>
    public static string UnknownIdLike(string real) =>
        Guid.TryParse(real, out _) ? UnknownUuid
        : real.All(char.IsAsciiDigit) && real.Length > 0 ? new string('9', Math.Max(real.Length, 9))
        : UnknownIdValue;

    public const string UnknownIdValue = "conformance-no-such-record-0000";
    public const string UnknownUuid = "00000000-0000-4000-8000-00000c0f0f0f";
    public const string InvalidPageValue = "not-a-number";
}
