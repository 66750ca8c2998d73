using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Reference.Defects;
using Conformance.Specs;

namespace Conformance.Tests.Checks;

/// <summary>
/// spec-drift: the document a vendor profile or the / document names, compared with the standard's once per run and
/// judged per operation; a document that cannot be read warns where it is at fault and is skipped where the harness
/// could not reach it; nothing named, nothing judged.
/// </summary>
public class SpecDriftCheckTests
{
    private static readonly SpecDriftCheck Check = new();
    private static readonly Uri Target = new("http://vendor.test/");
    private string _folder = "";

    [SetUp]
    public void Folder() => _folder = Directory.CreateTempSubdirectory("spec-drift").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    /// <summary>Our transcription as a supplier might publish it, changed, written to the test's folder.</summary>
    private string Document(Action<JsonObject> change, string name = "openapi.json")
    {
        var document = (JsonObject)JsonNode.Parse(File.ReadAllText(Fixtures.Profile.TranscriptionPath))!;
        change(document);
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    /// <summary>Every operation of the standard, the / document naming <paramref name="openapiUrl"/> (or nothing).</summary>
    private static List<OperationRun> Runs(string? openapiUrl)
    {
        var root = new JsonObject { ["version"] = "HSDS-UK-3.0", ["profile"] = "https://example.org/profile" };
        if (openapiUrl is not null) root["openapi_url"] = openapiUrl;
        return Fixtures.Spec.Operations.Select(o => o.Path == "/"
            ? Fixtures.Run("/", OperationRole.Discovery, Fixtures.JsonExchange("/", root))
            : Fixtures.Run(o.Path, o.HasPathParameters ? OperationRole.Item : OperationRole.List, Array.Empty<Conformance.Http.Exchange>())).ToList();
    }

    private static Dictionary<string, Finding> Judge(List<OperationRun> runs, string? vendorDocument = null, FetchPolicy? fetch = null)
    {
        var context = Fixtures.Context with { Runs = runs, Target = Target, SupplierDocument = vendorDocument, DocumentFetch = fetch ?? new FetchPolicy() };
        return runs.SelectMany(r => Check.Evaluate(r, context)).ToDictionary(f => f.Operation);
    }

    [Test]
    public void A_document_the_vendor_profile_names_that_drifts_warns_where_it_breaks_clients()
    {
        var findings = Judge(Runs(null), Document(SupplierDocuments.Drifted));
        var item = findings["GET /services/{id}"];
        Assert.That(item.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(item.Message, Does.Contain("response-field-optional").And.Contain("response-enum-widened"));
        Assert.That(item.Details, Has.Some.Contains("field name: the standard requires it; the document makes it optional"));
        Assert.That(findings.Values.Where(f => f.Operation != "GET /services/{id}").Select(f => f.Kind), Is.All.EqualTo(FindingKind.Satisfied));
        Assert.That(findings, Has.Count.EqualTo(9), "one finding per operation");
    }

    [Test]
    public void An_equivalent_rewrite_passes_everywhere()
    {
        var findings = Judge(Runs(null), Document(SupplierDocuments.Rewritten));
        Assert.That(findings.Values.Select(f => f.Kind), Is.All.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_root_document_naming_the_standards_published_document_passes_once_without_fetching_it()
    {
        var findings = Judge(Runs(Fixtures.Profile.Spec.Published));
        Assert.That(findings.Keys, Is.EqualTo(new[] { "GET /" }));
        Assert.That(findings["GET /"].Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(findings["GET /"].Message, Does.Contain("the standard's own published document"));
    }

    [Test]
    public void A_document_the_root_names_is_read_from_a_ref_map_folder_and_compared()
    {
        Document(SupplierDocuments.Drifted);
        var map = new RefMap();
        map.Add("https://docs.vendor.example/", _folder);
        var findings = Judge(Runs("https://docs.vendor.example/openapi.json"), fetch: new FetchPolicy(map));
        Assert.That(findings["GET /services/{id}"].Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(findings["GET /services/{id}"].Message, Does.Contain("the / document names (https://docs.vendor.example/openapi.json)"));
        Assert.That(findings["GET /services/{id}"].Evidence?.Url, Is.EqualTo("http://vendor.test/"), "read from a file, the evidence is the / document that names it");
    }

    [Test]
    public void A_document_the_root_names_on_this_machine_but_another_origin_is_not_fetched_and_the_check_is_skipped()
    {
        var findings = Judge(Runs("http://127.0.0.1:9/openapi.json"));
        Assert.That(findings.Keys, Is.EqualTo(new[] { "GET /" }), "what is said of the document as a whole is said once, on the / document");
        Assert.That(findings["GET /"].Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(findings["GET /"].Message, Does.Contain("was not fetched").And.Contain("loopback").And.Contain("--ref-map"));
    }

    [Test]
    public void A_named_document_that_is_not_OpenAPI_warns_on_the_anchor()
    {
        var path = Path.Combine(_folder, "notes.yaml");
        File.WriteAllText(path, "hello: world\n");
        var findings = Judge(Runs(null), path);
        Assert.That(findings.Keys, Is.EqualTo(new[] { "GET /" }));
        Assert.That(findings["GET /"].Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(findings["GET /"].Message, Does.Contain("is not an OpenAPI or Swagger document"));
    }

    [Test]
    public void Nothing_named_is_nothing_judged()
    {
        Assert.That(Judge(Runs(null)), Is.Empty);
    }
}
