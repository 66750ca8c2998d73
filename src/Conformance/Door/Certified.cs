using System.Security.Cryptography;
using Conformance.Certificates;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;
using Conformance.Text;
using Conformance.Vendors;

namespace Conformance.Door;

/// <summary>What a certificate is about: the standard, the vendor (none without a profile), and whether the target was the built-in reference (a demo).</summary>
public sealed record CertificateSubject(Profile Profile, VendorProfile? Vendor, bool Demo);

/// <summary>What the certificate step did: why there is no certificate, or where it was written and what it claims.</summary>
public sealed record Certified(string? Refusal, string? Path = null, CertificateClaims? Claims = null)
{
    /// <summary>
    /// The certificate step of any front end: a pass gets certificate.json, signed, beside the report.json it certifies
    /// (written first: without it there is no certificate); anything else, or a certificate that cannot be written, gets
    /// the reason there is none. The run's reports stand either way.
    /// </summary>
    public static Certified Write(RunResult result, CertificateSubject subject, IReadOnlyList<WrittenReport> written, ECDsa key, int validDays)
    {
        if (Certification.Refusal(result) is { } refusal) return new Certified(refusal);
        if (written.FirstOrDefault(w => w.Format == "json") is not { Written: true } json)
            return new Certified($"{CertificateClaims.ReportName}, which it would certify, was not written.");
        try
        {
            var report = File.ReadAllBytes(json.Path);
            var claims = CertificateClaims.Of(result, subject.Profile, subject.Vendor, report, RunDoor.HarnessVersion, subject.Demo, DateTimeOffset.UtcNow, validDays);
            var path = Contained.Path(System.IO.Path.GetDirectoryName(json.Path)!, Certification.FileName);
            File.WriteAllText(path, Certification.Sign(claims, key).ToJson() + "\n");
            return new Certified(null, path, claims);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Certified($"it could not be written: {e.Message}");
        }
    }
}
