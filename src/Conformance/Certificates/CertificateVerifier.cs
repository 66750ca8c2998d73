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

    /// <param name="certificate">The file's bytes (<see cref="BoundedFile"/> reads at most a megabyte).</param>
    /// <param name="reportSha256">The hex SHA-256 of the report given to check against, if one was.</param>
    /// <exception cref="FormatException">The bytes are not a DSSE envelope at all (unreadable input, not an invalid certificate).</exception>
    public static Verification Verify(ReadOnlySpan<byte> certificate, ECDsa publicKey, DateTimeOffset now, string? reportSha256 = null)
    {
        var envelope = DsseEnvelope.Parse(certificate);
        if (envelope.Signatures.All(s => !s.IsP256))
            return Invalid($"its signature is not an ECDSA P-256 signature ({envelope.Signatures[0].Sig.Length} bytes): it was made with another kind of key");
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
        catch (InvalidOperationException e) // a value that is not text (a lone surrogate escape) where text is claimed
        {
            return Invalid($"its statement holds a value that cannot be read ({e.Message})");
        }
        if (!statement.Subjects.Any(s => s.Name == CertificateClaims.ReportName && s.Sha256 == claims.ReportDigest))
            return Invalid($"its subject does not name {CertificateClaims.ReportName} with the digest its claims give");
        if (now > claims.ExpiresAt) return Invalid($"it expired on {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        if (now + ClockSkew < claims.IssuedAt) return Invalid($"it is not valid before {claims.IssuedAt:yyyy-MM-dd HH:mm} UTC, its time of issue");
        if (reportSha256 is not null && reportSha256 != claims.ReportDigest)
            return Invalid($"the report given is not the one certified (its SHA-256 is {reportSha256}, the certificate's is {claims.ReportDigest})");
        return new Verification(claims, null);
    }

    private static Verification Invalid(string reason) => new(null, reason);
}
