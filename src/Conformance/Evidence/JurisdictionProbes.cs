namespace Conformance.Evidence;

/// <summary>The two requests sent to an endpoint serving several jurisdictions, made to be refused.</summary>
public static class JurisdictionProbes
{
    public const string Missing = "without jurisdiction";
    public const string Unknown = "unknown jurisdiction";
    /// <summary>A value no real jurisdiction uses.</summary>
    public const string UnknownValue = "conformance-unknown-jurisdiction.invalid";
}
