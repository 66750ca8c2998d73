namespace Conformance.Evidence;

/// <summary>Values no feed has, for requests made to fail (--negative) and for filters asked with what no record holds.</summary>
public static class NegativeProbes
{    /// <summary>An id no real record has, shaped like a real one (a server may refuse a malformed id with 400).</summary>
    public static string UnknownIdLike(string real) =>
        Guid.TryParse(real, out _) ? UnknownUuid
        : real.All(char.IsAsciiDigit) && real.Length > 0 ? new string('9', Math.Max(real.Length, 9))
        : UnknownIdValue;

    public const string UnknownIdValue = "conformance-no-such-record-0000";
    public const string UnknownUuid = "00000000-0000-4000-8000-00000c0f0f0f";
    public const string InvalidPageValue = "not-a-number";
}
