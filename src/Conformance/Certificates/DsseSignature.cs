namespace Conformance.Certificates;

/// <summary>One signature in a DSSE envelope. The key id is a hint for choosing a key, never trusted for anything.</summary>
public sealed record DsseSignature(string KeyId, byte[] Sig)
{
    /// <summary>
    /// Whether the bytes are short enough to be an ECDSA P-256 signature: r‖s of 32 bytes each (64), or their DER
    /// sequence (at most 72). A longer one was made on another curve (P-384's are 96 to 104 bytes) and is never verified.
    /// </summary>
    public bool IsP256 => Sig.Length <= 72;
}
