using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.IntegrationTests.Hostile;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.IntegrationTests.Drift;

/// <summary>
/// `conformance drift` through the real program: the verdict and exit code, the reports every run writes, the
/// document an API names fetched as evidence (and refused where a server may not send the harness), and clear errors;
/// and spec-drift in a normal run when a vendor profile names the document.
/// </summary>
public class DriftCliTests
{
    private string _folder = "";

    [SetUp]
    public void Folder() => _folder = Directory.CreateTempSubdirectory("drift-cli").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private string Out(string name = "reports") => Path.Combine(_folder, name);

    private string Document(Action<JsonObject> change)
    {
        var profile = ConformanceRun.DefaultCatalogue().Load("oruk-3.0");
        var document = (JsonObject)JsonNode.Parse(File.ReadAllText(profile.TranscriptionPath))!;
        change(document);
        var path = Path.Combine(_folder, "supplier-openapi.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static JsonObject Report(string folder) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;

    private static IEnumerable<JsonObject> Results(JsonObject report) => report["results"]!.AsArray().OfType<JsonObject>();

    [Test]
    public async Task A_document_that_says_what_the_standard_says_passes_in_every_report()
    {
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--spec", Document(SupplierDocuments.Rewritten), "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Assert.That(run.Output, Does.Contain("Verdict: pass"));
        foreach (var file in new[] { "report.json", "report.html", "summary.md", "junit.xml", "exchanges.har" })
            Assert.That(File.Exists(Path.Combine(Out(), file)), file);
        var report = Report(Out());
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("pass"));
        Assert.That(Results(report).Count(r => r["outcome"]!.GetValue<string>() == "pass"), Is.EqualTo(27), "three clauses on each of nine operations");
        Assert.That(report["exchanges"]!.AsArray(), Is.Empty, "a document read from a file is no request");
    }

    [Test]
    public async Task A_drifted_document_fails_naming_each_rule_and_where()
    {
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--spec", Document(SupplierDocuments.Drifted), "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.All);
        var report = Report(Out());
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("fail"));
        var optional = Results(report).Single(r => r["check"]!.GetValue<string>() == "response-field-optional");
        Assert.That(optional["operation"]!.GetValue<string>(), Is.EqualTo("GET /services/{id}"));
        Assert.That(optional["clause"]!.GetValue<string>(), Is.EqualTo("DRIFT/responses"));
        Assert.That(optional["outcome"]!.GetValue<string>(), Is.EqualTo("fail"));
        Assert.That(optional["details"]!.AsArray().Select(d => d!.GetValue<string>()), Has.Some.Contains("field name"));
        Assert.That(Results(report).Single(r => r["check"]!.GetValue<string>() == "response-enum-widened")["message"]!.GetValue<string>(), Does.Contain("retired"));
        var junit = XDocument.Load(Path.Combine(Out(), "junit.xml"));
        Assert.That(junit.Descendants("failure").Count(), Is.EqualTo(2));
        // What to fix first names the clause once, with the endpoints it broke on (one here, with two failing results).
        var summary = File.ReadAllText(Path.Combine(Out(), "summary.md"));
        Assert.That(summary, Does.Contain("(2 failing results)").And.Contain("| `DRIFT/responses` | 1 | `GET /services/{id}`"));
        Assert.That(summary, Does.Contain("Supplier `supplier-openapi.json`"), "a document is named by its file");
        Assert.That(run.Output.TrimEnd().Split('\n')[^1], Does.StartWith("Report: ").And.EndWith("report.html"), "the report to open is the last line");
    }

    [Test]
    public async Task The_document_an_API_names_is_fetched_compared_and_kept_as_evidence()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        using var server = ReferenceImplementations.Start(catalogue, "oruk-3.0", defects: [DefectCatalogue.Find("drifted-openapi-document")]);
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--url", server.Url, "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.All);
        var report = Report(Out());
        var urls = report["exchanges"]!.AsArray().Select(e => e!["url"]!.GetValue<string>()).ToList();
        Assert.That(urls, Is.EqualTo(new[] { $"{server.Url}/", $"{server.Url}/openapi.json" }));
        Assert.That(report["requestsSent"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Results(report).Where(r => r["outcome"]!.GetValue<string>() == "fail").Select(r => r["check"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "response-field-optional", "response-enum-widened" }));
        Assert.That(report["notes"]!.AsArray().Select(n => n!.GetValue<string>()), Has.Some.Contains($"names its OpenAPI document: {server.Url}/openapi.json"));
    }

    [Test]
    public async Task A_document_given_by_URL_is_fetched_and_kept_as_evidence()
    {
        var document = File.ReadAllText(Document(SupplierDocuments.Drifted));
        using var host = LoopbackServer.Start((_, path) => path == "/docs/openapi.json" ? LoopbackServer.Reply.Json(document) : null);
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--spec", $"{host.Url}/docs/openapi.json", "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.All);
        var exchange = Report(Out())["exchanges"]!.AsArray().Single()!;
        Assert.That(exchange["url"]!.GetValue<string>(), Is.EqualTo($"{host.Url}/docs/openapi.json"));
        Assert.That(exchange["status"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(Results(Report(Out())).Where(r => r["outcome"]!.GetValue<string>() == "fail").Select(r => r["evidence"]!.GetValue<string>()).Distinct(),
            Is.EqualTo(new[] { exchange["id"]!.GetValue<string>() }), "every failure cites the fetch of the document");
    }

    [Test]
    public async Task An_API_naming_the_standards_published_document_passes_without_fetching_it()
    {
        using var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--url", server.Url, "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Assert.That(Report(Out())["notes"]!.AsArray().Select(n => n!.GetValue<string>()), Has.Some.Contains("the standard's own published document"));
        Assert.That(server.Requests.Select(r => new Uri(r.Url).AbsolutePath), Is.EqualTo(new[] { "/" }));
    }

    [Test]
    public async Task An_API_that_cannot_be_reached_is_could_not_test_with_a_report()
    {
        var url = $"http://127.0.0.1:{ReferenceServer.FreePort()}"; // nothing listens there
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--url", url, "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(3), run.All);
        var report = Report(Out());
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(report["aborted"]!.GetValue<string>(), Does.Contain("could not be reached"));
        Assert.That(run.All, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task A_document_named_on_this_machine_at_another_origin_is_never_fetched()
    {
        using var canary = LoopbackServer.Canary();
        using var api = LoopbackServer.Start((_, path) => path == "/"
            ? LoopbackServer.Reply.Json($$"""{"version": "HSDS-UK-3.0", "profile": "https://example.org/p", "openapi_url": "{{canary.Url}}/openapi.json"}""")
            : null);
        var run = await Cli.RunAsync("drift", "--standard", "oruk-3.0", "--url", api.Url, "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(3), run.All);
        Assert.That(canary.Connections, Is.Zero);
        Assert.That(Report(Out())["aborted"]!.GetValue<string>(), Does.Contain("was not fetched").And.Contain("--ref-map"));
    }

    [TestCase(new[] { "drift", "--spec", "x.json" }, "--standard is required")]
    [TestCase(new[] { "drift", "--standard", "oruk-3.0" }, "one of them")]
    [TestCase(new[] { "drift", "--standard", "oruk-3.0", "--spec", "x.json", "--url", "http://127.0.0.1:1" }, "one of them")]
    [TestCase(new[] { "drift", "--standard", "oruk-3.0", "--url", "ftp://example.org" }, "--url must be an absolute http or https URL")]
    [TestCase(new[] { "drift", "--standard", "no-such-standard", "--spec", "x.json" }, "Unknown standard")]
    [TestCase(new[] { "drift", "--standard", "oruk-3.0", "--spec", "/no/such/openapi.json" }, "does not exist")]
    [TestCase(new[] { "drift", "--standard", "oruk-3.0", "--spec", "x.json", "--format", "pdf" }, "--format takes")]
    public async Task Mistakes_are_usage_errors_without_a_stack_trace(string[] args, string expected)
    {
        var run = await Cli.RunAsync([.. args, "--out", Out()]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
        Assert.That(Cli.Words(run.All), Does.Contain(expected)); // wherever the sentence was wrapped
        Assert.That(run.All, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task The_rules_are_printed_as_markdown()
    {
        var run = await Cli.RunAsync("drift", "--rules");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        Assert.That(run.Output, Does.Contain("#### response-field-optional").And.Contain("```yaml"));
    }

    [Test]
    public async Task Updating_a_page_without_a_rules_section_is_a_usage_error()
    {
        var page = Path.Combine(_folder, "page.md");
        File.WriteAllText(page, "# No rules here\n");
        var run = await Cli.RunAsync("drift", "--rules", "--out", page);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
        Assert.That(run.All, Does.Contain("no rules section").And.Not.Contain("   at "));
        Assert.That(File.ReadAllText(page), Is.EqualTo("# No rules here\n"));
    }

    [Test]
    public async Task A_normal_run_compares_the_document_a_vendor_profile_names()
    {
        var document = Document(SupplierDocuments.Drifted);
        var profile = Path.Combine(_folder, "vendor.yaml");
        File.WriteAllText(profile, """
            vendor: Harbourside Digital
            product: ServiceFinder 4
            standard: oruk-3.0
            reference: true
            openapi_url: supplier-openapi.json
            """);
        var run = await Cli.RunAsync("run", "--profile", profile, "--out", Out());
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var report = Report(Out());
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("pass-with-warnings"));
        var drift = Results(report).Where(r => r["check"]!.GetValue<string>() == "spec-drift").ToList();
        Assert.That(drift.Single(r => r["outcome"]!.GetValue<string>() == "warning")["operation"]!.GetValue<string>(), Is.EqualTo("GET /services/{id}"));
        Assert.That(drift.Select(r => r["clause"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "ORUK-3.0/openapi-document" }));
        Assert.That(drift.Single(r => r["outcome"]!.GetValue<string>() == "warning")["message"]!.GetValue<string>(), Does.Contain(document));
    }
}
