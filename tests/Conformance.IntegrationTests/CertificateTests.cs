using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>Certificates through the real program: keygen, run --sign, verify; and no certificate for a run that has not earned one.</summary>
public class CertificateTests
{
    private static async Task<string> KeysAsync()
    {
        var dir = Cli.TempDir();
        var keygen = await Cli.RunAsync("keygen", "--out", dir);
        Assert.That(keygen.ExitCode, Is.EqualTo(0), keygen.All);
        return dir;
    }

    private static string Private(string keys) => Path.Combine(keys, "signing-key.pem");
    private static string Public(string keys) => Path.Combine(keys, "signing-key.pub.pem");

    /// <summary>A public key on another curve, beside the pair.</summary>
    private static string P384(string keys)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var path = Path.Combine(keys, "p384.pub.pem");
        File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    [Test]
    public async Task A_demo_run_signed_with_a_new_key_verifies_offline_and_says_it_is_a_demo()
    {
        var keys = await KeysAsync();
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir, "--sign", Private(keys), "--valid-days", "30");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Assert.That(run.Output, Does.Contain("Certificate: wrote").And.Contain("The certificate is a demo"));
        var certificate = Path.Combine(outDir, "certificate.json");
        var report = Path.Combine(outDir, "report.json");
        Assert.That(run.Output.TrimEnd().Split('\n')[^1], Is.EqualTo($"Report: {Path.Combine(outDir, "report.html")}"), "the report to open is the last line, after the certificate's");
        Assert.That(run.Output.IndexOf("Certificate: wrote", StringComparison.Ordinal), Is.LessThan(run.Output.IndexOf("Verdict: pass", StringComparison.Ordinal)));

        var verify = await Cli.RunAsync("verify", certificate, "--key", Public(keys), "--report", report);
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
        Assert.That(verify.Output, Does.Contain("Valid certificate").And.Contain("Open Referral UK 3.0 (oruk-3.0)").And.Contain("verdict   pass")
            .And.Contain("target    http://127.0.0.1:").And.Contain("not named (run without a vendor profile)").And.Contain("A demo"));
        var expiry = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        Assert.That(verify.Output, Does.Contain($"expires   {expiry}"));

        var predicate = Predicate(certificate);
        Assert.Multiple(() =>
        {
            Assert.That(predicate["demo"]!.GetValue<bool>(), Is.True);
            Assert.That(predicate["verdict"]!.GetValue<string>(), Is.EqualTo("pass"));
            Assert.That(predicate["summary"]!["pass"]!.GetValue<int>(),
                Is.EqualTo(JsonNode.Parse(File.ReadAllText(report))!["summary"]!["pass"]!.GetValue<int>()));
            // The spec by what it is, never by where this machine installed it.
            Assert.That(predicate["spec"]!["source"]!.GetValue<string>(), Is.EqualTo("transcription"));
            Assert.That(predicate["spec"]!["standard"]!.GetValue<string>(), Is.EqualTo("oruk-3.0"));
            Assert.That(predicate["spec"]!["version"]!.GetValue<string>(), Is.EqualTo("3.0"));
            Assert.That(predicate["spec"]!["sha256"]!.GetValue<string>(), Is.EqualTo(JsonNode.Parse(File.ReadAllText(report))!["spec"]!["sha256"]!.GetValue<string>()));
            Assert.That(predicate["spec"]!["location"], Is.Null);
            Assert.That(predicate.ToJsonString(), Does.Not.Contain(AppContext.BaseDirectory.TrimEnd('/')));
            Assert.That(predicate.ToJsonString().Contains("file://", StringComparison.Ordinal), Is.False, "no file URL");
        });

        // The private key given where the public one belongs: it still verifies, and says what it did.
        var withPrivate = await Cli.RunAsync("verify", certificate, "--key", Private(keys), "--report", report);
        Assert.That(withPrivate.ExitCode, Is.EqualTo(0), withPrivate.All);
        Assert.That(Cli.Words(withPrivate.Output), Does.Contain($"{Private(keys)} is a private key: the public key was derived from it").And.Contain("Valid certificate"));
        Assert.That(verify.Output, Does.Not.Contain("private key"));
    }

    [Test]
    public async Task A_report_changed_after_signing_or_another_key_makes_verify_exit_1_with_the_reason()
    {
        var keys = await KeysAsync();
        var stranger = await KeysAsync();
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--profile", Path.Combine(RepositoryRoot(), "vendor-profiles", "oruk-3.0-reference.yaml"),
            "--out", outDir, "--sign", Private(keys));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var certificate = Path.Combine(outDir, "certificate.json");
        Assert.That(Predicate(certificate)["vendor"]!["name"]!.GetValue<string>(), Is.EqualTo("Conformance project"), "vendor and product come from the vendor profile");

        var report = Path.Combine(outDir, "report.json");
        var text = File.ReadAllText(report);
        File.WriteAllText(report, text.Replace("\"verdict\": \"pass\"", "\"verdict\": \"pass \""));
        var modified = await Cli.RunAsync("verify", certificate, "--key", Public(keys), "--report", report);
        Assert.That(modified.ExitCode, Is.EqualTo(1), modified.All);
        Assert.That(modified.Output, Does.Contain("Invalid certificate: the report given is not the one certified"));

        var otherKey = await Cli.RunAsync("verify", certificate, "--key", Public(stranger));
        Assert.That(otherKey.ExitCode, Is.EqualTo(1), otherKey.All);
        Assert.That(otherKey.Output, Does.Contain("Invalid certificate: it was not signed with this key"));
    }

    [TestCase("missing-cors", 1, "No certificate: the verdict is fail")]
    [TestCase("empty-feed", 3, "No certificate: the verdict is inconclusive: GET /services: no record was validated")]
    public async Task A_run_that_does_not_pass_writes_no_certificate_and_keeps_its_exit_code(string defect, int exitCode, string said)
    {
        var keys = await KeysAsync();
        using var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "oruk-3.0", defects: [DefectCatalogue.Find(defect)]);
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir, "--sign", Private(keys));
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.All);
        Assert.That(run.Output, Does.Contain(said));
        Assert.That(File.Exists(Path.Combine(outDir, "report.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(outDir, "certificate.json")), Is.False);
    }

    [Test]
    public async Task A_key_that_will_not_do_stops_the_run_with_exit_2_before_any_request()
    {
        var keys = await KeysAsync();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            foreach (var key in new[] { Path.Combine(keys, "absent.pem"), Public(keys) })
            {
                var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", url, "--out", Cli.TempDir(), "--sign", key);
                Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
                Assert.That(run.All, Does.Contain("Error").And.Not.Contain("   at "));
            }
            Assert.That(listener.Pending(), Is.False, "no request was made");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Test]
    public async Task Keygen_never_overwrites_a_key()
    {
        var keys = await KeysAsync();
        var before = File.ReadAllText(Private(keys));
        var again = await Cli.RunAsync("keygen", "--out", keys);
        Assert.That(again.ExitCode, Is.EqualTo(2), again.All);
        Assert.That(again.All, Does.Contain("never overwritten"));
        Assert.That(File.ReadAllText(Private(keys)), Is.EqualTo(before));
    }

    [Test]
    public async Task Unreadable_input_to_verify_exits_2()
    {
        var keys = await KeysAsync();
        var notACertificate = Path.Combine(Cli.TempDir(), "certificate.json");
        File.WriteAllText(notACertificate, "{\"hello\": 1}");
        foreach (var args in new[]
                 {
                     new[] { "verify", Path.Combine(keys, "absent.json"), "--key", Public(keys) },
                     ["verify", notACertificate, "--key", Public(keys)],
                     ["verify", notACertificate, "--key", Path.Combine(keys, "absent.pem")],
                     ["verify", notACertificate],
                     ["verify", notACertificate, "--key", P384(keys)],
                 })
        {
            var result = await Cli.RunAsync(args);
            Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
            Assert.That(result.All, Does.Contain("Error").And.Not.Contain("   at "));
        }
    }

    /// <summary>
    /// Certificates signed with the right key that are still not certificates this harness wrote, each refused with
    /// exit 1 and its reason: a key given twice (it ended the program, exit 134), another payload type, a signature over
    /// the payload rather than DSSE's encoding, a signature made on another curve, a claim that is not text.
    /// </summary>
    [Test]
    public async Task A_certificate_read_strictly_is_invalid_not_a_crash()
    {
        var keys = await KeysAsync();
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir, "--sign", Private(keys));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var envelope = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "certificate.json")))!;
        var statement = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()));
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Private(keys)));
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var type = envelope["payloadType"]!.GetValue<string>();
        byte[] Pae(string payloadType, byte[] payload) =>
            [.. System.Text.Encoding.ASCII.GetBytes($"DSSEv1 {payloadType.Length} {payloadType} {payload.Length} "), .. payload];
        string Envelope(string text, string payloadType, Func<byte[], byte[]> sign)
        {
            var payload = System.Text.Encoding.UTF8.GetBytes(text);
            return new JsonObject
            {
                ["payloadType"] = payloadType, ["payload"] = Convert.ToBase64String(payload),
                ["signatures"] = new JsonArray(new JsonObject { ["sig"] = Convert.ToBase64String(sign(Pae(payloadType, payload))) }),
            }.ToJsonString();
        }
        byte[] Signed(byte[] bytes) => key.SignData(bytes, System.Security.Cryptography.HashAlgorithmName.SHA256);
        Assert.That(statement, Does.Contain("\"summary\":{").And.Contain("\"vendor\":null"));
        var cases = new Dictionary<string, (string Certificate, string Says)>
        {
            ["a key given twice"] = (Envelope(statement.Replace("\"summary\":{", "\"summary\":{\"pass\":999,"), type, Signed), "not JSON read strictly"),
            ["another payload type"] = (Envelope(statement, "application/json", Signed), "its payload type is 'application/json'"),
            ["a signature over the payload alone"] = (Envelope(statement, type, pae => Signed(System.Text.Encoding.UTF8.GetBytes(statement))), "signature does not match"),
            ["a signature on P-384"] = (Envelope(statement, type, pae => p384.SignData(pae, System.Security.Cryptography.HashAlgorithmName.SHA384)), "not an ECDSA P-256 signature"),
            ["a claim that is not text"] = (Envelope(statement.Replace("\"vendor\":null", "\"vendor\":{\"name\":\"\\ud800\",\"product\":\"x\"}"), type, Signed), "cannot be read"),
        };
        foreach (var (name, (certificate, says)) in cases)
        {
            var file = Path.Combine(Cli.TempDir(), "certificate.json");
            await File.WriteAllTextAsync(file, certificate);
            var verify = await Cli.RunAsync("verify", file, "--key", Public(keys));
            Assert.That(verify.ExitCode, Is.EqualTo(1), $"{name}: {verify.All}");
            Assert.That(verify.All, Does.Contain("Invalid certificate").And.Contain(says).And.Not.Contain("   at "), name);
        }
        var envelopeTwice = File.ReadAllText(Path.Combine(outDir, "certificate.json")).Replace("\"payloadType\":", "\"payloadType\": \"x\", \"payloadType\":");
        var twice = Path.Combine(Cli.TempDir(), "certificate.json");
        await File.WriteAllTextAsync(twice, envelopeTwice);
        var unreadable = await Cli.RunAsync("verify", twice, "--key", Public(keys));
        Assert.That(unreadable.ExitCode, Is.EqualTo(2), unreadable.All);
        Assert.That(unreadable.All, Does.Contain("not a certificate").And.Not.Contain("   at "), "an envelope with a key given twice is not an envelope");
    }

    /// <summary>
    /// A 200 MB certificate took 2.2 GB to refuse; now it is refused before it is read. A 200 MB report is hashed as a
    /// stream. Either way verify's peak memory stays under 100 MB (VmHWM, measured through the real program).
    /// </summary>
    [Test]
    public async Task Huge_input_to_verify_is_refused_or_hashed_in_bounded_memory()
    {
        var keys = await KeysAsync();
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir, "--sign", Private(keys));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var huge = Path.Combine(Cli.TempDir(), "huge.json");
        await using (var file = File.Create(huge))
        {
            await file.WriteAsync("{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \""u8.ToArray());
            var chunk = System.Text.Encoding.ASCII.GetBytes(new string('A', 1024 * 1024));
            for (var i = 0; i < 200; i++) await file.WriteAsync(chunk);
            await file.WriteAsync("\", \"signatures\": [{\"sig\": \"AA==\"}]}"u8.ToArray());
        }
        try
        {
            var certificate = await Cli.RunAsync("verify", huge, "--key", Public(keys));
            var report = await Cli.RunAsync("verify", Path.Combine(outDir, "certificate.json"), "--key", Public(keys), "--report", huge);
            TestContext.Out.WriteLine($"certificate: peak {certificate.PeakMemory / 1024 / 1024} MB; report: peak {report.PeakMemory / 1024 / 1024} MB");
            Assert.Multiple(() =>
            {
                Assert.That(certificate.ExitCode, Is.EqualTo(2), certificate.All);
                Assert.That(Cli.Words(certificate.All), Does.Contain("larger than 1024 KB").And.Not.Contain("   at "));
                Assert.That(report.ExitCode, Is.EqualTo(1), report.All);
                Assert.That(report.All, Does.Contain("the report given is not the one certified"));
                foreach (var result in new[] { certificate, report })
                    if (result.PeakMemory is { } peak) Assert.That(peak, Is.LessThan(100L * 1024 * 1024));
                    else Assert.Warn("The program's peak memory cannot be read on this system: not checked.");
            });
        }
        finally
        {
            File.Delete(huge);
        }
    }

    [TestCase("--valid-days", "0")]
    [TestCase("--valid-days", "ninety")]
    public async Task A_bad_validity_is_a_usage_error(string flag, string value)
    {
        var keys = await KeysAsync();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--sign", Private(keys), flag, value);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("--valid-days must be"));
    }

    [Test]
    public async Task Openssl_verifies_the_signature_over_the_dsse_encoding()
    {
        if (!OnPath("openssl")) Assert.Ignore("openssl is not installed here: the check that another tool reads the signature cannot run.");
        var keys = await KeysAsync();
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir, "--sign", Private(keys));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var envelope = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "certificate.json")))!;
        var payload = Convert.FromBase64String(envelope["payload"]!.GetValue<string>());
        var type = envelope["payloadType"]!.GetValue<string>();
        // PAE written out by hand here, from the DSSE specification, rather than with the code under test.
        var signed = Path.Combine(outDir, "pae.bin");
        File.WriteAllBytes(signed, [.. System.Text.Encoding.ASCII.GetBytes($"DSSEv1 {type.Length} {type} {payload.Length} "), .. payload]);
        var signature = Path.Combine(outDir, "sig.der");
        File.WriteAllBytes(signature, Convert.FromBase64String(envelope["signatures"]![0]!["sig"]!.GetValue<string>()));
        using var openssl = Process.Start(new ProcessStartInfo("openssl", ["dgst", "-sha256", "-verify", Public(keys), "-signature", signature, signed])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var said = await openssl.StandardOutput.ReadToEndAsync() + await openssl.StandardError.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        Assert.That(openssl.ExitCode, Is.EqualTo(0), said);
        Assert.That(said, Does.Contain("Verified OK"));
    }

    private static JsonObject Predicate(string certificate)
    {
        var envelope = JsonNode.Parse(File.ReadAllText(certificate))!;
        var statement = JsonNode.Parse(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()))!;
        return statement["predicate"]!.AsObject();
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Conformance.sln not found above the test folder.");
    }
}
