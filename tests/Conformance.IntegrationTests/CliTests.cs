using System.Net.Sockets;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.Reference;
using Conformance.Reports;

namespace Conformance.IntegrationTests;

/// <summary>The command line as a user meets it: the demo run, exit codes, errors without stack traces.</summary>
public class CliTests
{
    [Test]
    public async Task The_demo_run_against_the_reference_implementation_passes_and_writes_reports()
    {
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("Verdict: pass"));
        Assert.That(result.Output, Does.Contain("GET /services page 1"), "progress is shown while running");

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("pass"));
            Assert.That(report["standard"]!.GetValue<string>(), Is.EqualTo("oruk-3.0"));
            Assert.That(report["target"]!.GetValue<string>(), Does.StartWith("http://127.0.0.1:"));
            Assert.That(report["startedAt"], Is.Not.Null);
            Assert.That(report["summary"]!["pass"]!.GetValue<int>(), Is.GreaterThan(30));
            Assert.That(report["summary"]!["fail"]!.GetValue<int>(), Is.Zero);
            Assert.That(report["diagnostics"]!.AsArray(), Has.Count.EqualTo(3), "the three errata, incorporated in the transcription");
            Assert.That(report["schemaVersion"]!.GetValue<int>(), Is.EqualTo(2));
            var first = report["results"]!.AsArray()[0]!;
            foreach (var field in new[] { "check", "clause", "operation", "outcome", "message", "evidence" })
                Assert.That(first[field], Is.Not.Null, field);
            var evidence = report["exchanges"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == first["evidence"]!.GetValue<string>())!;
            Assert.That(evidence["url"], Is.Not.Null);
            Assert.That(evidence["status"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(report["exchanges"]!.AsArray(), Has.Count.EqualTo(report["requestsSent"]!.GetValue<int>()), "every request, once");
        });
        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml"));
        Assert.That(junit.Descendants("testcase").Count(), Is.EqualTo(report["results"]!.AsArray().Count));
        Assert.That(junit.Descendants("failure"), Is.Empty);
        var main = ReportWriter.Main(ReportWriter.All.Select(r => new WrittenReport(r.Format, Path.Combine(outDir, r.FileName))).ToList())!;
        Assert.That(result.Output.TrimEnd().Split('\n')[^1].Trim(), Is.EqualTo($"Report: {main.Path}"), "the last line names the report to open");
    }

    [Test]
    public async Task Format_chooses_the_reports_written()
    {
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--reference", "--out", outDir, "--format", "md,junit");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "summary.md", "junit.xml" }));
        Assert.That(result.Output.TrimEnd().Split('\n')[^1].Trim(), Is.EqualTo($"Report: {Path.Combine(outDir, "summary.md")}"));
    }

    [Test]
    public async Task An_unknown_format_exits_2_before_any_request()
    {
        using var server = ReferenceImplementations.Start(Conformance.Running.ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", server.Url, "--format", "json,pdf", "--out", Cli.TempDir());
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("--format").And.Contain("'pdf'").And.Not.Contain("   at "));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task Signing_without_report_json_is_refused_before_any_request()
    {
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--format", "md,html", "--sign", "key.pem");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("--sign certifies report.json: add json to --format."));
    }

    [Test]
    public async Task A_failing_feed_exits_1_and_junit_has_a_failure_for_each_fail()
    {
        using var server = ValidatorFeed.Start("Fail");
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.Output, Does.Contain("Verdict: fail"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml"));
        Assert.That(junit.Descendants("failure").Count(), Is.EqualTo(report["summary"]!["fail"]!.GetValue<int>()).And.GreaterThan(0));
    }

    [Test]
    public async Task A_feed_with_nothing_to_validate_is_inconclusive_exits_3_and_says_what_was_not_covered()
    {
        var catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue();
        using var server = ReferenceImplementations.Start(catalogue, "oruk-3.0", defects: [Conformance.Reference.Defects.DefectCatalogue.Find("empty-feed")]);
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir);
        Assert.That(result.ExitCode, Is.EqualTo(3), result.All);
        Assert.That(result.Output, Does.Contain("Verdict: inconclusive").And.Contain("Not covered: GET /services: no record was validated"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("inconclusive"));
        var gaps = report["coverage"]!.AsArray().Where(c => c!["gap"] is not null && c["tier"]!.GetValue<string>() == "required")
            .Select(c => c!["operation"]!.GetValue<string>());
        Assert.That(gaps, Is.EquivalentTo(new[] { "GET /services", "GET /services/{id}" }));
        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml"));
        Assert.That(junit.Root!.Attribute("errors")!.Value, Is.Not.EqualTo("0"), "an inconclusive run must not look green in CI");
    }

    [Test]
    public async Task An_unreachable_endpoint_exits_3_and_still_writes_a_report()
    {
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", $"http://127.0.0.1:{ClosedPort()}", "--out", outDir, "--timeout", "5");
        Assert.That(result.ExitCode, Is.EqualTo(3), result.All);
        Assert.That(result.All, Does.Contain("could not be reached"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(report["aborted"]!.GetValue<string>(), Does.Contain("could not be reached"));
    }

    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--no-such-flag")]
    [TestCase("run", "--standard", "no-such-standard", "--url", "http://127.0.0.1:1")]
    [TestCase("run", "--url", "http://127.0.0.1:1")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "not a url")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--spec", "/no/such/spec.json")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--ref-map", "nonsense")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--allow-remote-refs", "https://schemas.example.org/")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--timeout", "-1")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--header", "X Y: z")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--timeout", "NaN")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--max-pages", "0")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--max-body", "0")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--max-body", "2001")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--max-body", "1.5")]
    [TestCase("run", "--standard", "oruk-3.0", "--reference", "--url", "http://127.0.0.1:1")]
    [TestCase("run", "--standard", "open311-georeport-v2", "--url", "http://127.0.0.1:1", "--allow-writes")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--rate", "-1")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--rate", "fast")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--harvest-limit", "0")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--seed", "x")]
    [TestCase("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--harvest", "most")]
    [TestCase("serve", "--standard", "oruk-3.0", "--defect", "no-such-defect")]
    [TestCase("serve", "--standard", "oruk-3.0", "--defect", "open311-lat-not-a-number")]
    [TestCase("defects", "--out", "x.md")]
    [TestCase("frobnicate")]
    public async Task Usage_and_configuration_errors_exit_2_with_one_clear_line(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("Error"));
        Assert.That(result.All, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task A_spec_that_is_not_openapi_exits_2()
    {
        var file = Path.Combine(Cli.TempDir(), "spec.yaml");
        await File.WriteAllTextAsync(file, "just: [a, yaml, list\n");
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", "http://127.0.0.1:1", "--spec", file);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("neither JSON nor YAML"));
        Assert.That(result.All, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_vendor_profile_drives_the_run_and_flags_override_it()
    {
        var profile = Path.Combine(Checkout.Root, "vendor-profiles", "oruk-3.0-reference.yaml");
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--profile", profile, "--out", outDir, "--max-pages", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("Vendor profile: Conformance project"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["requestsSent"]!.GetValue<int>(), Is.EqualTo(34), "--max-pages 1 wins over the profile's 3: 39 requests less five later pages");
    }

    [Test]
    public async Task The_open311_reference_profile_passes_in_both_formats_from_the_command_line()
    {
        var profile = Path.Combine(Checkout.Root, "vendor-profiles", "open311-georeport-v2-reference.yaml");
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--profile", profile, "--out", outDir);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("Verdict: pass").And.Contain("GET /services.xml").And.Contain("GET /tokens/{token_id}.json"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("pass"));
    }

    [Test]
    public async Task A_vendor_profile_naming_an_unset_secret_exits_2()
    {
        var file = Path.Combine(Cli.TempDir(), "vendor.yaml");
        await File.WriteAllTextAsync(file, """
            vendor: V
            product: P
            standard: oruk-3.0
            base_url: http://127.0.0.1:1
            auth: {type: bearer, secret_env: CONFORMANCE_TEST_UNSET_VARIABLE}
            """);
        var result = await Cli.RunAsync("run", "--profile", file);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("CONFORMANCE_TEST_UNSET_VARIABLE").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Any_openapi_document_can_be_run_without_a_standard()
    {
        using var server = ValidatorFeed.Start("Default");
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--spec", SharedFolder.Upstream("oruk-validator", "Schemas", "V3.0-UK", "open_api.json"),
            "--ref-map", $"https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/OpenReferralApi/Schemas/V3.0-UK/={SharedFolder.Upstream("oruk-validator", "Schemas", "V3.0-UK")}",
            "--url", server.Url, "--out", outDir);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["standard"]!.GetValue<string>(), Is.EqualTo("openapi"), result.All);
        Assert.That(report["results"]!.AsArray().Select(r => r!["clause"]!.GetValue<string>()), Is.All.StartWith("OAS/"));
        Assert.That(result.ExitCode, Is.Not.EqualTo(2).And.Not.EqualTo(3), result.All);
    }

    [TestCase("Default", "oruk-3.0")]
    [TestCase("v1", "oruk-1.0")]
    public async Task Standard_auto_chooses_from_the_root_document_and_says_why(string feed, string expected)
    {
        using var server = feed == "v1" ? ReferenceServer.Start((m, p, q) => OrukV1Tests.Feed(m, p, q)) : ValidatorFeed.Start(feed);
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "auto", "--url", server.Url, "--out", outDir);
        Assert.That(result.Output, Does.Contain($"auto chose {expected}"), result.All);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That(report["standard"]!.GetValue<string>(), Is.EqualTo(expected));
        Assert.That(report["notes"]!.AsArray().Single()!.GetValue<string>(), Does.StartWith($"--standard auto chose {expected}"));
    }

    [Test]
    public async Task Standards_lists_oruk_3_0()
    {
        var result = await Cli.RunAsync("standards");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(result.Output, Does.Contain("oruk-3.0").And.Contain("Open Referral UK 3.0"));
    }

    [TestCase("oruk-3.0")]
    [TestCase("hsds-3.0")]
    [TestCase("open311-georeport-v2")]
    public async Task Describe_prints_every_clause_with_its_checks_and_marks_manual_ones(string standard)
    {
        var result = await Cli.RunAsync("describe", "--standard", standard);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        var profile = Conformance.Running.ConformanceRun.DefaultCatalogue().Load(standard);
        // Piped, each clause is a block: its id and level, then its statement, source and checks, then a blank line.
        var blocks = result.Output.Split("\n\n");
        foreach (var clause in profile.Clauses)
        {
            var block = blocks.FirstOrDefault(b => b.Split('\n').Any(l => l.StartsWith(clause.Id + " ", StringComparison.Ordinal)));
            Assert.That(block, Is.Not.Null, clause.Id);
            Assert.That(block, clause.IsManual ? Does.Contain("manual") : Does.Contain(clause.Checks[0]), clause.Id);
        }
        Assert.That(result.Output, Does.Contain($"{profile.Errata[0].Id}"));
    }

    [Test]
    public async Task Serve_refuses_a_port_in_use_with_exit_2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var result = await Cli.RunAsync("serve", "--standard", "oruk-3.0", "--port", port.ToString());
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("already in use").And.Not.Contain("   at "));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}
