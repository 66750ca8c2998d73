using System.Text.Json;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.IntegrationTests;

/// <summary>Published specs as their owners ship them: they load leniently, and the ORUK errata matter.</summary>
public class PublishedSpecTests
{
    [TestCase("oruk-3.0/openapi.json")]
    [TestCase("oruk-1.0/openapi.json")]
    [TestCase("oruk-validator/Schemas/V3.0-UK/open_api.json")]
    [TestCase("hsds-3.0/schema/openapi.json")]
    [TestCase("petstore/oas3.0/src/main/resources/openapi.yaml")]
    [TestCase("petstore/oas3.1/src/main/webapp/design-first/petstore.yaml")]
    [TestCase("govuk-pay/openapi/publicapi_spec.json")]
    [TestCase("bops/engines/bops_api/swagger/v2/swagger_doc.yaml")]
    [TestCase("open311-georeport-v2/schema/georeport-v2/swagger.json")]
    public void A_published_spec_loads_without_a_crash(string relative)
    {
        var file = SharedFolder.Upstream(relative.Split('/'));
        if (!File.Exists(file)) Assert.Ignore($"{relative} is not in this copy of ../shared.");
        var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(file, []);
        Assert.That(spec.Operations, Is.Not.Empty);
        using var empty = JsonDocument.Parse("{}");
        foreach (var pointer in spec.Operations.SelectMany(o => o.Responses).SelectMany(r => r.Content).Select(c => c.SchemaPointer).OfType<string>())
        {
            var (schema, problem) = spec.Schemas.At(pointer); // unresolvable remote refs become diagnostics, never exceptions
            if (schema is not null) _ = schema.Evaluate(empty.RootElement, ResponseSchemas.Evaluation);
            else Assert.That(problem, Is.Not.Empty);
        }
    }

    [Test]
    public void The_published_oruk_document_fails_its_own_meta_schema_and_that_is_a_diagnostic()
    {
        var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(SharedFolder.Upstream("oruk-3.0", "openapi.json"), []);
        Assert.That(spec.Diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Kind == SpecDiagnostic.Parse && d.Message.Contains("time")));
    }

    [Test]
    public void Erratum_E1_is_what_lets_a_valid_service_at_location_pass()
    {
        var map = new RefMap();
        map.Add("https://raw.githubusercontent.com/openreferral/uk-profile/main/", SharedFolder.Upstream("oruk-3.0", "uk-profile"));
        var errata = Conformance.Running.ConformanceRun.DefaultCatalogue().Load("oruk-3.0").Errata;
        var body = File.ReadAllText(SharedFolder.Upstream("oruk-validator", "Mocks", "V3.0-UK-Default", "service_at_location_full.json"));

        bool Valid(IReadOnlyList<Erratum> applied)
        {
            var spec = new SpecLoader(new SpecSource(new FetchPolicy(map))).Load(SharedFolder.Upstream("oruk-3.0", "openapi.json"), applied);
            var pointer = spec.Find("GET", "/service_at_locations/{id}")!.ResponseFor(200)!.Content[0].SchemaPointer!;
            using var document = JsonDocument.Parse(body);
            return spec.Schemas.At(pointer).Schema!.Evaluate(document.RootElement, ResponseSchemas.Evaluation).IsValid;
        }

        Assert.That(Valid([]), Is.False, "as published, the endpoint is validated against the service schema");
        Assert.That(Valid(errata), Is.True, "with ORUK-3.0-E1 it is validated against service_at_location");
    }

    [Test]
    public void Erratum_ORUK_1_0_E1_is_what_validates_records_under_content()
    {
        var errata = Conformance.Running.ConformanceRun.DefaultCatalogue().Load("oruk-1.0").Errata;
        const string page = """{"totalElements": 1, "totalPages": 1, "number": 1, "size": 1, "first": true, "last": true, "empty": false, "content": [{"id": 7, "name": "A service"}]}""";

        (bool Valid, IReadOnlyList<SpecDiagnostic> Diagnostics) Load(IReadOnlyList<Erratum> applied)
        {
            var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(SharedFolder.Upstream("oruk-1.0", "openapi.json"), applied);
            var pointer = spec.Find("GET", "/services")!.ResponseFor(200)!.Content[0].SchemaPointer!;
            using var document = JsonDocument.Parse(page);
            return (spec.Schemas.At(pointer).Schema!.Evaluate(document.RootElement, ResponseSchemas.Evaluation).IsValid, spec.Diagnostics);
        }

        Assert.That(Load([]).Valid, Is.True, "as published, records under content are not validated at all: the id that is a number passes");
        var (valid, diagnostics) = Load(errata);
        Assert.That(valid, Is.False, "with ORUK-1.0-E1 the record is validated, and its numeric id refused");
        Assert.That(diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Kind == SpecDiagnostic.Erratum
            && d.Message.Contains("ORUK-1.0-E1 applied") && d.Message.Contains("Schemas/V1.0-UK/service_list.json")));
    }

    [Test]
    public async Task A_spec_given_by_url_is_fetched_and_its_remote_refs_read_through_the_ref_map()
    {
        var published = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SharedFolder.Upstream("oruk-3.0", "openapi.json")))!;
        using var specServer = Conformance.Reference.ReferenceServer.Start((_, path, _) => path == "/openapi.json"
            ? Conformance.Reference.ReferenceResponse.Ok(published.DeepClone())
            : Conformance.Reference.ReferenceResponse.Error(404, "no"));
        using var feed = ValidatorFeed.Start("Default");
        var map = new RefMap();
        map.Add("https://raw.githubusercontent.com/openreferral/uk-profile/main/", SharedFolder.Upstream("oruk-3.0", "uk-profile"));
        var result = await Conformance.Running.ConformanceRun.ExecuteAsync(new Conformance.Running.RunRequest
        {
            StandardId = "oruk-3.0", Target = new Uri(feed.Url), SpecOverride = $"{specServer.Url}/openapi.json", SpecFetch = new FetchPolicy(map),
        }, Conformance.Running.ConformanceRun.DefaultCatalogue());
        Assert.That(result.SpecLocation, Does.StartWith("http://127.0.0.1:"));
        Assert.That(result.Verdict, Is.EqualTo(Conformance.Running.Verdict.PassWithWarnings), "the static feed ignores filters (a SHOULD)");
        Assert.That(result.Results.Where(r => r.Outcome == Conformance.Running.Outcome.Warning).Select(r => r.Check), Is.All.EqualTo("filters-filter"));
    }
}
