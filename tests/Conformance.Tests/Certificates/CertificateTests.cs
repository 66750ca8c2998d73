using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Certificates;
using Conformance.Running;
using Conformance.Standards;
using Conformance.Vendors;

namespace Conformance.Tests.Certificates;

/// <summary>Sign, verify, and every kind of tampering a council must catch.</summary>
public class CertificateTests
{
    private static readonly DateTimeOffset Issued = new(2030, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("""{"verdict": "pass"}""");

    private static RunResult Result(Outcome outcome = Outcome.Pass, string target = "https://api.vendor.test/oruk", IReadOnlyList<string>? secrets = null,
        IReadOnlyList<OperationCoverage>? coverage = null, string? aborted = null) => new()
    {
        StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = target, SpecLocation = "file:///spec.json", SpecDigest = "ab12",
        StartedAt = Issued.AddMinutes(-3), FinishedAt = Issued.AddMinutes(-1), Diagnostics = [], ManualClauses = [], RequestsSent = 40,
        Results = [new CheckResult("endpoint-answers", "ORUK-3.0/c", Level.Must, "GET /services", Tier.Required, outcome, "m", [], null)],
        Secrets = secrets ?? [], Coverage = coverage ?? [], Aborted = aborted,
    };

    private static readonly VendorProfile Vendor = new() { Vendor = "Acme Ltd", Product = "Directory" };

    private static CertificateClaims Claims(RunResult? result = null, VendorProfile? vendor = null, bool demo = false, int days = 90) =>
        CertificateClaims.Of(result ?? Result(), Fixtures.Profile, vendor ?? Vendor, Report, "0.1.0+test", demo, Issued, days);

    private static string Signed(ECDsa key, CertificateClaims? claims = null) => Certification.Sign(claims ?? Claims(), key).ToJson();

    private static Verification Verify(string certificate, ECDsa key, DateTimeOffset? now = null, byte[]? report = null) =>
        CertificateVerifier.Verify(Encoding.UTF8.GetBytes(certificate), key, now ?? Issued.AddDays(1),
            report is null ? null : Convert.ToHexStringLower(SHA256.HashData(report)));

    /// <summary>An envelope around any statement text, signed properly over DSSE's encoding of it.</summary>
    private static string SignedText(ECDsa key, string statement, string payloadType = InTotoStatement.PayloadType) =>
        DsseEnvelope.Sign(payloadType, Encoding.UTF8.GetBytes(statement), key).ToJson();

    private static string Statement(CertificateClaims? claims = null) => Encoding.UTF8.GetString(
        new InTotoStatement([new InTotoStatement.Subject("report.json", (claims ?? Claims()).ReportDigest)], CertificateClaims.PredicateType, (claims ?? Claims()).ToJson()).ToBytes());

    /// <summary>The certificate with its statement edited by hand, the signature left as it was.</summary>
    private static string Tampered(string certificate, Func<string, string> edit)
    {
        var envelope = JsonNode.Parse(certificate)!;
        var statement = Encoding.UTF8.GetString(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()));
        var edited = edit(statement);
        Assert.That(edited, Is.Not.EqualTo(statement), "the edit must change something");
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(edited));
        return envelope.ToJsonString();
    }

    [Test]
    public void The_spec_is_named_by_the_standard_and_its_digest_never_by_a_path_on_this_machine()
    {
        var transcription = new Uri(Path.GetFullPath(Fixtures.Profile.TranscriptionPath)).AbsoluteUri;
        var installed = CertificateClaims.Of(Result(), Fixtures.Profile, Vendor, Report, "0.1.0+test", false, Issued, 90);
        var ours = CertificateClaims.Of(new RunResult
        {
            StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "https://api.vendor.test/oruk", SpecLocation = transcription, SpecDigest = "ab12",
            StartedAt = Issued.AddMinutes(-3), FinishedAt = Issued.AddMinutes(-1), Diagnostics = [], ManualClauses = [], RequestsSent = 1, Results = [],
        }, Fixtures.Profile, Vendor, Report, "0.1.0+test", false, Issued, 90).ToJson()["spec"]!;
        Assert.That(ours.ToJsonString(), Is.EqualTo("""{"source":"transcription","standard":"oruk-3.0","version":"3.0","sha256":"ab12"}"""));
        Assert.That(installed.ToJson()["spec"]!.ToJsonString(), Is.EqualTo("""{"source":"published","standard":"oruk-3.0","version":"3.0","sha256":"ab12"}"""),
            "a document given as a file: its digest names it, not where it was on disk");
        var byUrl = CertificateClaims.Of(new RunResult
        {
            StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "https://api.vendor.test/oruk", SpecLocation = "https://specs.example/openapi.json",
            SpecDigest = "ab12", StartedAt = Issued, FinishedAt = Issued, Diagnostics = [], ManualClauses = [], RequestsSent = 1, Results = [],
        }, Fixtures.Profile, Vendor, Report, "0.1.0+test", false, Issued, 90);
        Assert.That(byUrl.ToJson()["spec"]!["url"]!.GetValue<string>(), Is.EqualTo("https://specs.example/openapi.json"));
    }

    [Test]
    public void A_signed_certificate_verifies_and_says_what_it_certifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verification = Verify(Signed(key), key, report: Report);
        Assert.That(verification.Problem, Is.Null);
        var claims = verification.Claims!;
        Assert.Multiple(() =>
        {
            Assert.That(claims.StandardId, Is.EqualTo("oruk-3.0"));
            Assert.That(claims.StandardVersion, Is.EqualTo("3.0"));
            Assert.That(claims.ProfileDigest, Is.EqualTo(Fixtures.Profile.Digest).And.Length.EqualTo(64));
            Assert.That(claims.SpecDigest, Is.EqualTo("ab12"));
            Assert.That(claims.HarnessVersion, Is.EqualTo("0.1.0+test"));
            Assert.That(claims.Target, Is.EqualTo("https://api.vendor.test/oruk"));
            Assert.That((claims.Vendor, claims.Product), Is.EqualTo(("Acme Ltd", "Directory")));
            Assert.That(claims.Verdict, Is.EqualTo("pass"));
            Assert.That(claims.Summary["pass"], Is.EqualTo(1));
            Assert.That(claims.IssuedAt, Is.EqualTo(Issued));
            Assert.That(claims.ExpiresAt, Is.EqualTo(Issued.AddDays(90)));
            Assert.That(claims.TestedUntil, Is.EqualTo(Issued.AddMinutes(-1)));
            Assert.That(claims.ReportDigest, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Report))));
            Assert.That(claims.Demo, Is.False);
        });
        Assert.That(claims, Is.EqualTo(Claims()).Using<CertificateClaims>((a, b) => a.ToJson().ToJsonString() == b.ToJson().ToJsonString()),
            "what is read back is what was signed");
    }

    [Test]
    public void The_payload_is_an_in_toto_statement_about_report_json()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var envelope = DsseEnvelope.Parse(Signed(key));
        var statement = JsonNode.Parse(envelope.Payload)!;
        Assert.Multiple(() =>
        {
            Assert.That(envelope.PayloadType, Is.EqualTo("application/vnd.in-toto+json"));
            Assert.That(statement["_type"]!.GetValue<string>(), Is.EqualTo("https://in-toto.io/Statement/v1"));
            Assert.That(statement["subject"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("report.json"));
            Assert.That(statement["subject"]![0]!["digest"]!["sha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Report))));
            Assert.That(statement["predicateType"]!.GetValue<string>(), Is.EqualTo(CertificateClaims.PredicateType));
            Assert.That(statement["predicate"]!["verdict"]!.GetValue<string>(), Is.EqualTo("pass"));
            Assert.That(envelope.Signatures.Single().KeyId, Is.EqualTo(SigningKeys.KeyId(key)));
        });
    }

    [Test]
    public void A_changed_verdict_is_detected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = Signed(key, Claims(Result(Outcome.Warning)));
        var forged = Tampered(certificate, s => s.Replace("\"verdict\":\"pass-with-warnings\"", "\"verdict\":\"pass\""));
        Assert.That(Verify(forged, key).Problem, Does.Contain("signature does not match its content"));
    }

    [Test]
    public void A_changed_expiry_is_detected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = Tampered(Signed(key), s => s.Replace("\"expiresAt\":\"2030-04-15T09:30:00Z\"", "\"expiresAt\":\"2040-04-15T09:30:00Z\""));
        Assert.That(Verify(forged, key, now: Issued.AddYears(5)).Problem, Does.Contain("signature does not match its content"));
    }

    [Test]
    public void A_changed_payload_type_is_detected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var envelope = JsonNode.Parse(Signed(key))!;
        envelope["payloadType"] = "application/vnd.other+json";
        Assert.That(Verify(envelope.ToJsonString(), key).Problem, Does.Contain("signature does not match its content"));
    }

    [Test]
    public void A_report_changed_by_one_byte_is_detected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var changed = (byte[])Report.Clone();
        changed[^2] ^= 1;
        Assert.That(Verify(Signed(key), key, report: changed).Problem, Does.StartWith("the report given is not the one certified"));
    }

    [Test]
    public void A_certificate_signed_with_another_key_is_detected_and_the_key_ids_named()
    {
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.That(Verify(Signed(signer), other).Problem,
            Is.EqualTo($"it was not signed with this key (it names key {SigningKeys.KeyId(signer)}, the key given is {SigningKeys.KeyId(other)})"));
    }

    [Test]
    public void A_signature_from_another_key_under_this_keys_id_is_still_refused()
    {
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var victim = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var envelope = JsonNode.Parse(Signed(signer))!;
        envelope["signatures"]![0]!["keyid"] = SigningKeys.KeyId(victim); // the key id is a hint, never trusted
        Assert.That(Verify(envelope.ToJsonString(), victim).Problem, Does.Contain("signature does not match its content"));
    }

    [TestCase("AA==")]
    [TestCase("MAYCAQECAQ==")] // DER of the signature (1, 1): well formed, and wrong
    public void Bytes_that_are_no_signature_are_refused_not_thrown(string sig)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var envelope = JsonNode.Parse(Signed(key))!;
        envelope["signatures"]![0]!["sig"] = sig;
        Assert.That(Verify(envelope.ToJsonString(), key).Problem, Does.Contain("signature does not match its content"));
    }

    [Test]
    public void An_expired_certificate_is_refused_and_one_from_the_future_too()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = Signed(key, Claims(days: 30));
        Assert.Multiple(() =>
        {
            Assert.That(Verify(certificate, key, now: Issued.AddDays(30)).IsValid, Is.True, "valid up to its expiry");
            Assert.That(Verify(certificate, key, now: Issued.AddDays(30).AddSeconds(1)).Problem, Is.EqualTo("it expired on 2030-02-14 09:30 UTC"));
            Assert.That(Verify(certificate, key, now: Issued.AddMinutes(-4)).IsValid, Is.True, "clocks differ by a few minutes");
            Assert.That(Verify(certificate, key, now: Issued.AddHours(-1)).Problem, Does.StartWith("it is not valid before 2030-01-15 09:30 UTC"));
        });
    }

    [Test]
    public void A_signed_statement_of_another_kind_is_not_a_certificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var provenance = new InTotoStatement([new InTotoStatement.Subject("app.tar", "00")], "https://slsa.dev/provenance/v1", new JsonObject());
        var other = DsseEnvelope.Sign(InTotoStatement.PayloadType, provenance.ToBytes(), key).ToJson();
        var notInToto = DsseEnvelope.Sign("application/vnd.other+json", "{}"u8.ToArray(), key).ToJson();
        var partial = new InTotoStatement([new InTotoStatement.Subject("report.json", "00")], CertificateClaims.PredicateType, new JsonObject { ["verdict"] = "pass" });
        var incomplete = DsseEnvelope.Sign(InTotoStatement.PayloadType, partial.ToBytes(), key).ToJson();
        Assert.Multiple(() =>
        {
            Assert.That(Verify(other, key).Problem, Does.Contain("another kind (https://slsa.dev/provenance/v1)"));
            Assert.That(Verify(notInToto, key).Problem, Does.Contain("payload type is 'application/vnd.other+json'"));
            Assert.That(Verify(incomplete, key).Problem, Does.Contain("standard.id is missing"));
        });
    }

    /// <summary>A key given twice in the signed statement is refused, never read as its first or last (it threw ArgumentException, exit 134).</summary>
    [TestCase("\"summary\":{", "\"summary\":{\"pass\":5,")]
    [TestCase("\"verdict\":\"pass\"", "\"verdict\":\"fail\",\"verdict\":\"pass\"")]
    [TestCase("\"_type\":", "\"predicateType\":\"x\",\"_type\":")]
    public void A_statement_with_a_key_given_twice_is_invalid(string at, string twice)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var statement = Statement();
        Assert.That(statement, Does.Contain(at));
        var verification = Verify(SignedText(key, statement.Replace(at, twice)), key);
        Assert.That(verification.Problem, Does.Contain("not JSON read strictly").And.Contain("duplicate").IgnoreCase);
    }

    [Test]
    public void A_claimed_text_that_is_not_text_is_invalid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var statement = Statement().Replace("\"Acme Ltd\"", "\"Acme \\ud800 Ltd\"");
        Assert.That(Verify(SignedText(key, statement), key).Problem, Does.Contain("cannot be read"));
    }

    [Test]
    public void A_signature_over_the_payload_alone_rather_than_its_dsse_encoding_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var payload = Encoding.UTF8.GetBytes(Statement());
        var overPayload = new DsseEnvelope(InTotoStatement.PayloadType, payload,
            [new DsseSignature(SigningKeys.KeyId(key), key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))]);
        Assert.That(Verify(overPayload.ToJson(), key).Problem, Does.Contain("signature does not match its content"));
    }

    [Test]
    public void A_signature_from_another_curve_is_refused_as_such()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var payload = Encoding.UTF8.GetBytes(Statement());
        var certificate = DsseEnvelope.Sign(InTotoStatement.PayloadType, payload, p384).ToJson();
        Assert.That(Verify(certificate, key).Problem, Does.StartWith("its signature is not an ECDSA P-256 signature"));
    }

    [Test]
    public void A_properly_signed_envelope_of_another_payload_type_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.That(Verify(SignedText(key, Statement(), "application/json"), key).Problem, Does.Contain("payload type is 'application/json'"));
    }

    [Test]
    public void A_subject_that_disagrees_with_the_claims_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var statement = new InTotoStatement([new InTotoStatement.Subject("report.json", "00")], CertificateClaims.PredicateType, Claims().ToJson());
        var certificate = DsseEnvelope.Sign(InTotoStatement.PayloadType, statement.ToBytes(), key).ToJson();
        Assert.That(Verify(certificate, key).Problem, Does.Contain("subject does not name report.json with the digest its claims give"));
    }

    [Test]
    public void Only_a_pass_earns_a_certificate_and_a_refusal_says_why()
    {
        var gap = new OperationCoverage("GET /services", Tier.Required, 1, 1, 0, 0, "no record was validated: the list returned none");
        Assert.Multiple(() =>
        {
            Assert.That(Certification.Refusal(Result()), Is.Null);
            Assert.That(Certification.Refusal(Result(Outcome.Warning)), Is.Null);
            Assert.That(Certification.Refusal(Result(Outcome.Fail)), Is.EqualTo("the verdict is fail: a MUST clause is broken on a required endpoint."));
            Assert.That(Certification.Refusal(Result(coverage: [gap])),
                Is.EqualTo("the verdict is inconclusive: GET /services: no record was validated: the list returned none."));
            Assert.That(Certification.Refusal(Result(aborted: "the target could not be reached.")), Is.EqualTo("the verdict is error: the target could not be reached."), "one full stop");
            Assert.That(Certification.Refusal(Result(Outcome.Error)), Is.EqualTo("the verdict is error: the harness could not judge a required endpoint."));
        });
    }

    [Test]
    public void Secrets_in_the_target_are_masked_and_optional_gaps_are_listed()
    {
        var gap = new OperationCoverage("GET /taxonomies", Tier.Optional, 1, 1, 0, 0, "no successful answer (last status 404)");
        var claims = Claims(Result(Outcome.Warning, "https://api.vendor.test/oruk?key=s3cret", ["s3cret"], [gap]));
        Assert.Multiple(() =>
        {
            Assert.That(claims.ToJson().ToJsonString(), Does.Not.Contain("s3cret"));
            Assert.That(claims.NotCovered, Is.EqualTo(new[] { "GET /taxonomies: no successful answer (last status 404)" }));
        });
    }

    [Test]
    public void A_demo_and_a_run_without_a_vendor_profile_say_so_in_words()
    {
        var claims = CertificateClaims.Of(Result(), Fixtures.Profile, null, Report, "0.1.0", demo: true, Issued, 90);
        var json = claims.ToJson();
        Assert.Multiple(() =>
        {
            Assert.That(json["demo"]!.GetValue<bool>(), Is.True);
            Assert.That(json["vendor"], Is.Null);
            Assert.That(json["notes"]!.AsArray().Select(n => n!.GetValue<string>()),
                Has.Some.StartsWith("A demo").And.Some.StartsWith("Run without a vendor profile"));
        });
    }

    [Test]
    public void The_generic_profile_has_no_profile_digest_and_says_so()
    {
        var generic = GenericProfile.For(Fixtures.Spec);
        var claims = CertificateClaims.Of(Result(), generic, Vendor, Report, "0.1.0", demo: false, Issued, 90);
        Assert.That(claims.ProfileDigest, Is.Null);
        Assert.That(claims.Notes(), Has.Some.Contains("built-in profile for any OpenAPI document"));
    }
}
