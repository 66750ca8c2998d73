using System.Security.Cryptography;

namespace Conformance.Certificates;

/// <summary>
/// Checks a certificate offline with nothing but the signer's public key: the signature (over payload type and payload
/// together), that the payload is our kind of in-toto statement, that it is in force, and, given the report, that the
/// report is the one certified.
/// </summary>
public static class CertificateVerifier
{
    /// <summary>Clocks differ: a certificate issued this little in the future is not refused for it.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <exception cref="FormatException">The text is not a DSSE envelope at all (unreadable input, not an invalid certificate).</exception>
    public static Verification Verify(string certificate, ECDsa publicKey, DateTimeOffset now, byte[]? report = null)
    {
        var envelope = DsseEnvelope.Parse(certificate);
        if (!envelope.IsSignedBy(publicKey))
        {
            var signers = envelope.Signatures.Select(s => s.KeyId).Where(k => k.Length > 0).ToList();
            return Invalid(signers.Count > 0 && !signers.Contains(SigningKeys.KeyId(publicKey))
                ? $"it was not signed with this key (it names key {signers[0]}, the key given is {SigningKeys.KeyId(publicKey)})"
                : "its signature does not match its content: it was altered after signing, or signed with another key");
        }
        if (envelope.PayloadType != InTotoStatement.PayloadType)
            return Invalid($"its payload type is '{envelope.PayloadType}', not an in-toto statement ({InTotoStatement.PayloadType})");
        CertificateClaims claims;
        InTotoStatement statement;
        try
        {
            statement = InTotoStatement.Parse(envelope.Payload);
            if (statement.PredicateType != CertificateClaims.PredicateType)
                return Invalid($"it is an in-toto statement of another kind ({statement.PredicateType}), not a conformance certificate");
            claims = CertificateClaims.FromJson(statement.Predicate);
        }
        catch (FormatException e)
        {
            return Invalid(e.Message);
        }
        if (!statement.Subjects.Any(s => s.Name == CertificateClaims.ReportName && s.Sha256 == claims.ReportDigest))
            return Invalid($"its subject does not name {CertificateClaims.ReportName} with the digest its claims give");
        if (now > claims.ExpiresAt) return Invalid($"it expired on {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        if (now + ClockSkew < claims.IssuedAt) return Invalid($"it is not valid before {claims.IssuedAt:yyyy-MM-dd HH:mm} UTC, its time of issue");
        if (report is not null && Convert.ToHexStringLower(SHA256.HashData(report)) is var digest && digest != claims.ReportDigest)
            return Invalid($"the report given is not the one certified (its SHA-256 is {digest}, the certificate's is {claims.ReportDigest})");
        return new Verification(claims, null);
    }

    private static Verification Invalid(string reason) => new(null, reason);
}
