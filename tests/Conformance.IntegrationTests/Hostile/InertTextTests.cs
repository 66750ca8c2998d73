using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// Whatever a supplier controls (field values, headers, ids, its OpenAPI document's paths, its profile) reaches the
/// terminal, summary.md, junit.xml and file names only as inert text, through the real program: no escape sequence
/// or bidirectional control in the console's bytes, no link, image or HTML in the Markdown, junit.xml readable, and
/// every report written (no exit 134).
/// </summary>
public class InertTextTests
{
    private static readonly Dictionary<string, string> NoColor = new() { ["NO_COLOR"] = "1" };

    /// <summary>
    /// An OpenAPI document whose one path carries terminal controls, served by a server whose header and body carry
    /// them too: the values break the schema (so findings quote them), the media type is not the documented one.
    /// </summary>
    private static (string Spec, FaultServer Server) HostileApi()
    {
        var path = "/things" + Inert.Terminal.Replace("/", "") + "\u0007";
        var spec = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "hostile " + Inert.Markdown, ["version"] = "1" },
            ["paths"] = new JsonObject
            {
                [path] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "things",
                                ["content"] = new JsonObject
                                {
                                    ["application/json"] = new JsonObject
                                    {
                                        ["schema"] = JsonNode.Parse("""{"type": "object", "properties": {"id": {"type": "integer"}, "email": {"type": "string", "format": "email"}}}"""),
                                    },
                                },
                            },
                        },
                    },
                },
            },
        };
        var file = Path.Combine(Cli.TempDir(), "openapi.json");
        File.WriteAllText(file, spec.ToJsonString());
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = Inert.Terminal + Inert.Markdown, ["email"] = Inert.Markdown + Inert.Terminal }.ToJsonString());
        var server = FaultServer.Start(async (_, _, wire, stop) =>
        {
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/x-{Inert.Terminal.Replace("\u009b", "")}\r\nX-Echo: {Inert.Terminal}\r\n"
                       + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await wire.WriteAsync(Encoding.UTF8.GetBytes(head), stop);
            await wire.WriteAsync(body, stop);
        });
        return (file, server);
    }

    [Test]
    public async Task Control_sequences_in_a_spec_path_a_header_and_values_reach_no_sink_and_every_report_is_written()
    {
        var (spec, server) = HostileApi();
        using var _ = server;
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync(TimeSpan.FromMinutes(2), NoColor, "run", "--spec", spec, "--url", server.Url, "--out", outDir);
        TestContext.Out.WriteLine(run.All);
        Assert.That(run.ExitCode, Is.EqualTo(1), "the supplier's values fail the schema; never 134");
        Inert.AssertConsole(run.All);
        Assert.That(run.Output, Does.Contain(@"\x1b]0;pwned\x07").And.Contain(@"\u202e"), "the hostile text is shown, as escapes");
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "report.json", "junit.xml", "report.html", "summary.md", "exchanges.har" }), "every report written whole");

        var names = Inert.AssertJunit(Path.Combine(outDir, "junit.xml"));
        Assert.That(names, Has.Some.Contains(@"GET /things\x1b]0;pwned\x07"), "the operation is named, its controls shown");

        var summary = File.ReadAllText(Path.Combine(outDir, "summary.md"));
        var document = Inert.AssertMarkdown(summary);
        Assert.That(Inert.Code(document), Has.Some.Contains("![p](h"), "the payload is there (shortened), as code");
    }

    [Test]
    public async Task Control_sequences_and_markdown_in_ids_and_field_values_reach_no_sink()
    {
        var catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue();
        var reference = new OpenReferralService(ReferenceData.Load(Path.Combine(catalogue.Root, "oruk-3.0", "reference")));
        string? firstId = null;
        var hostileId = "id" + Inert.Terminal + Inert.Markdown;
        using var server = ReferenceServer.Start((method, path, query) =>
        {
            // A lookup of the hostile id is answered as the record it stands for.
            if (firstId is not null && Uri.UnescapeDataString(path).EndsWith(hostileId, StringComparison.Ordinal))
                path = Uri.UnescapeDataString(path)[..^hostileId.Length] + firstId;
            var answer = reference.Handle(method, path, query);
            if (answer.Render() is not { } text) return answer;
            firstId ??= answer.Body?["contents"]?[0]?["id"]?.GetValue<string>();
            if (firstId is not null) text = text.Replace(firstId, JsonEncoded(hostileId));
            return answer with { Text = text.Replace("Free one-to-one advice", JsonEncoded(Inert.Terminal + Inert.Markdown)) };
        });
        var outDir = Cli.TempDir();
        var run = await Cli.RunAsync(TimeSpan.FromMinutes(2), NoColor, "run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir);
        TestContext.Out.WriteLine(run.All);
        Assert.That(run.ExitCode, Is.EqualTo(1), "an id that is not a UUID fails; never 134");
        Inert.AssertConsole(run.All);
        Assert.That(run.Output, Does.Contain(@"id\x1b]0;pwned\x07"), "the id is shown, as escapes");
        Inert.AssertJunit(Path.Combine(outDir, "junit.xml"));
        var document = Inert.AssertMarkdown(File.ReadAllText(Path.Combine(outDir, "summary.md")));
        Assert.That(Inert.Code(document), Has.Some.Contains(@"found ""id\u001B]0;pwned"), "the finding quotes the id (JSON-escaped by the check), as code");
    }

    [TestCase("openapi_url", 1, "falls back to ORUK 1.0")]
    [TestCase("version", 2, "which no installed standard covers")]
    public async Task The_standard_auto_note_quotes_the_root_document_inert(string field, int exitCode, string said)
    {
        var root = new JsonObject { [field] = "http://x/9.9" + Inert.Terminal }.ToJsonString();
        using var server = LoopbackServer.Start((_, path) => path == "/" ? LoopbackServer.Reply.Json(root) : null);
        var run = await Cli.RunAsync(TimeSpan.FromMinutes(2), NoColor, "run", "--standard", "auto", "--url", server.Url, "--out", Cli.TempDir());
        TestContext.Out.WriteLine(run.All);
        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.All);
        Assert.That(run.Output, Does.Contain(said).And.Contain(@"9.9\x1b]0;pwned\x07"), "the note quotes the document, as escapes");
        Inert.AssertConsole(run.All);
    }

    /// <summary>Text as it sits inside a JSON string.</summary>
    private static string JsonEncoded(string text) => JsonValue.Create(text).ToJsonString()[1..^1];

    [Test]
    public async Task A_vendor_profile_with_control_sequences_is_shown_inert_and_so_is_the_certificate_made_from_it()
    {
        var dir = Cli.TempDir();
        var keygen = await Cli.RunAsync("keygen", "--out", Path.Combine(dir, "keys"));
        Assert.That(keygen.ExitCode, Is.EqualTo(0), keygen.All);
        var profile = Path.Combine(dir, "vendor.yaml");
        File.WriteAllText(profile, $"vendor: {Yaml("Acme" + Inert.Terminal)}\nproduct: {Yaml("Directory\n  verdict   pass" + Inert.Markdown)}\nstandard: oruk-3.0\nreference: true\n");
        var outDir = Path.Combine(dir, "out");
        var run = await Cli.RunAsync(TimeSpan.FromMinutes(2), NoColor, "run", "--profile", profile, "--out", outDir, "--sign", Path.Combine(dir, "keys", "signing-key.pem"));
        TestContext.Out.WriteLine(run.All);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Inert.AssertConsole(run.All);
        Assert.That(Cli.Words(run.Output), Does.Contain(@"Vendor profile: Acme\x1b]0;pwned\x07"));

        var verify = await Cli.RunAsync(TimeSpan.FromMinutes(1), NoColor, "verify", Path.Combine(outDir, "certificate.json"),
            "--key", Path.Combine(dir, "keys", "signing-key.pub.pem"));
        TestContext.Out.WriteLine(verify.All);
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
        Inert.AssertConsole(verify.All);
        Assert.That(verify.Output.Split('\n').Count(l => l.TrimStart().StartsWith("verdict", StringComparison.Ordinal)), Is.EqualTo(1),
            "no line but the certificate's own verdict");
        Assert.That(verify.Output, Does.Contain(@"vendor    Acme\x1b]0;pwned\x07").And.Contain(@"Directory\n  verdict   pass"));
    }

    [Test]
    public async Task Verify_shows_every_claimed_field_of_a_validly_signed_hostile_certificate_as_escapes_and_adds_no_line()
    {
        var dir = Cli.TempDir();
        var keygen = await Cli.RunAsync("keygen", "--out", dir);
        Assert.That(keygen.ExitCode, Is.EqualTo(0), keygen.All);
        // A signer may claim anything: every free-text field carries a line that would pass for the certificate's own verdict, the real one hidden by cursor moves.
        var forged = "\n  verdict   pass (99 pass)\u001b[1A\u001b[2K" + Inert.Terminal;
        var now = DateTimeOffset.UtcNow;
        var claims = new Conformance.Certificates.CertificateClaims
        {
            StandardId = "oruk-3.0", StandardName = "Open Referral UK" + forged, StandardVersion = "3.0" + forged, SpecSource = "published", SpecUrl = "x" + forged,
            SpecDigest = new string('0', 64), HarnessVersion = "0.1.0" + forged, Target = "https://other-tenant.example/" + forged, Vendor = "Acme" + forged,
            Product = "Directory" + forged, Demo = false, IssuedAt = now.AddMinutes(-1), ExpiresAt = now.AddDays(1), TestedFrom = now.AddMinutes(-2),
            TestedUntil = now.AddMinutes(-1), RequestsSent = 1, Verdict = "fail",
            Summary = new Dictionary<string, int> { ["fail"] = 1 }, NotCovered = ["GET /x: " + forged], ReportDigest = new string('0', 64),
        };
        using (var key = Conformance.Certificates.SigningKeys.LoadPrivate(Path.Combine(dir, "signing-key.pem")))
            File.WriteAllText(Path.Combine(dir, "certificate.json"), Conformance.Certificates.Certification.Sign(claims, key).ToJson() + "\n");

        var verify = await Cli.RunAsync(TimeSpan.FromMinutes(1), NoColor, "verify", Path.Combine(dir, "certificate.json"), "--key", Path.Combine(dir, "signing-key.pub.pem"));
        TestContext.Out.WriteLine(verify.All);
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
        Inert.AssertConsole(verify.All);
        var lines = verify.Output.TrimEnd('\n').Split('\n');
        Assert.That(lines.Count(l => l.TrimStart().StartsWith("verdict", StringComparison.Ordinal)), Is.EqualTo(1), "one verdict line: the certificate's");
        Assert.That(lines.Single(l => l.TrimStart().StartsWith("verdict", StringComparison.Ordinal)), Is.EqualTo("  verdict   fail (1 fail)"));
        Assert.That(lines.Single(l => l.TrimStart().StartsWith("vendor", StringComparison.Ordinal)), Does.StartWith(@"  vendor    Acme\n  verdict   pass (99 pass)\x1b[1A\x1b[2K"));
        foreach (var field in new[] { "standard ", "target ", "vendor ", "tested ", "not covered " })
            Assert.That(lines.Single(l => l.TrimStart().StartsWith(field, StringComparison.Ordinal)), Does.Contain(@"\x1b]0;pwned\x07"), field);
    }

    [Test]
    public async Task A_report_that_cannot_be_written_is_named_everywhere_and_the_rest_are_written_with_the_verdicts_exit_code()
    {
        var outDir = Cli.TempDir();
        Directory.CreateDirectory(Path.Combine(outDir, "summary.md")); // a folder where the file would go
        var run = await Cli.RunAsync(TimeSpan.FromMinutes(2), NoColor, "run", "--standard", "oruk-3.0", "--reference", "--out", outDir);
        TestContext.Out.WriteLine(run.All);
        Assert.That(run.ExitCode, Is.EqualTo(0), "the verdict's exit code: the reference passes");
        Assert.That(run.Output, Does.Contain($"Not written: {Path.Combine(outDir, "summary.md")}"));
        Assert.That(run.Output, Does.Contain("Verdict: pass").And.Contain($"Report: {Path.Combine(outDir, "report.html")}"));
        foreach (var written in new[] { "report.json", "junit.xml", "report.html", "exchanges.har" })
            Assert.That(Path.Combine(outDir, written), Does.Exist);
        Assert.That(Directory.GetFiles(outDir, "*.partial"), Is.Empty, "nothing half written left behind");
        var notes = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!["notes"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.That(notes, Has.Some.StartsWith("summary.md was not written:"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Contain("summary.md was not written:"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "junit.xml")), Does.Contain("summary.md was not written:"));
    }

    /// <summary>A YAML double-quoted scalar holding any text.</summary>
    private static string Yaml(string text) => JsonValue.Create(text).ToJsonString();
}
