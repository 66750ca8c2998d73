namespace Conformance.Certificates;

/// <summary>The outcome of checking a certificate: its claims when valid, else the one reason it is not.</summary>
public sealed record Verification(CertificateClaims? Claims, string? Problem)
{
    public bool IsValid => Problem is null;
}
