using System.Security.Cryptography;
using Conformance.Certificates;
using Conformance.Running;
using Conformance.Standards;
using Conformance.Vendors;

namespace Conformance.Door;

/// <summary>What a certificate is about: the standard, the vendor (none without a profile), and whether the target was the built-in reference (a demo).</summary>
public sealed record CertificateSubject(Profile Profile, VendorProfile? Vendor, bool Demo);

/// <summary>What the certificate step did: why there is no certificate, or where it was written and what it claims.</summary>
public sealed record Certified(string? Refusal, string? Path = null, CertificateClaims? Claims = null)
{
    /// <summary>
    /// The certificate step of any front end: a pass gets certificate.json, signed, beside the report.json it certifies
    /// (written first, in <paramref name="directory"/>); anything else gets the reason there is none.
    /// </summary>
    public static Certified Write(RunResult result, CertificateSubject subject, string directory, ECDsa key, int validDays)
    {
        if (Certification.Refusal(result) is { } refusal) return new Certified(refusal);
        var report = File.ReadAllBytes(System.IO.Path.Combine(directory, CertificateClaims.ReportName));
        var claims = CertificateClaims.Of(result, subject.Profile, subject.Vendor, report, RunDoor.HarnessVersion, subject.Demo, DateTimeOffset.UtcNow, validDays);
        var path = System.IO.Path.Combine(directory, Certification.FileName);
        File.WriteAllText(path, Certification.Sign(claims, key).ToJson() + "\n");
        return new Certified(null, path, claims);
    }
}
