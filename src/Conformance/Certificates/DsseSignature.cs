namespace Conformance.Certificates;

/// <summary>One signature in a DSSE envelope. The key id is a hint for choosing a key, never trusted for anything.</summary>
public sealed record DsseSignature(string KeyId, byte[] Sig);
