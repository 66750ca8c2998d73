using System.Security.Cryptography;
using Conformance.Running;

namespace Conformance.Certificates;

/// <summary>
/// When a run earns a certificate, and the signing of one: a DSSE envelope carrying an in-toto statement about report.json
/// whose predicate is the <see cref="CertificateClaims"/>.
/// </summary>
public static class Certification
{
    public const string FileName = "certificate.json";
    public const int DefaultValidDays = 90;
    public const int MostValidDays = 825; // about two years and three months: long enough for a contract term, short enough to be retested

    /// <summary>
    /// Why the run earns no certificate, in one sentence; null when it does. Only a pass (with warnings or not) is
    /// certified, and a pass already needs every required part covered: a gap makes the run inconclusive.
    /// </summary>
    public static string? Refusal(RunResult result) => result.Verdict switch
    {
        Verdict.Pass or Verdict.PassWithWarnings => null,
        Verdict.Fail => "the verdict is fail: a MUST clause is broken on a required endpoint.",
        Verdict.Inconclusive => Sentence($"the verdict is inconclusive: {string.Join("; ", result.Coverage.Where(c => c.IsGap).Select(c => $"{c.Operation}: {c.Gap}"))}"),
        var other => Sentence($"the verdict is {other}: {result.Aborted ?? "the harness could not judge a required endpoint"}"),
    };

    private static string Sentence(string text) => text.TrimEnd('.') + ".";

    public static DsseEnvelope Sign(CertificateClaims claims, ECDsa key)
    {
        var statement = new InTotoStatement([new InTotoStatement.Subject(CertificateClaims.ReportName, claims.ReportDigest)], CertificateClaims.PredicateType, claims.ToJson());
        return DsseEnvelope.Sign(InTotoStatement.PayloadType, statement.ToBytes(), key);
    }
}
