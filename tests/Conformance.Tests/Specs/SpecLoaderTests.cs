using System.Text.Json;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Specs;

public class SpecLoaderTests
{
    private static Spec Load(string text, string extension = ".yaml", IReadOnlyList<Erratum>? errata = null)
    {
        var file = Path.Combine(Scratch, $"spec-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(file, text);
        return new SpecLoader(new SpecSource(new FetchPolicy())).Load(file, errata ?? []);
    }

    /// <summary>A folder per test run, so a spec's relative $refs find the files written beside it.</summary>
    private static readonly string Scratch = Directory.CreateTempSubdirectory("spec-tests-").FullName;

    private static bool Valid(Spec spec, string path, string body)
    {
        var pointer = spec.Find("GET", path)!.Responses[0].Content[0].SchemaPointer!;
        var (schema, problem) = spec.Schemas.At(pointer);
        Assert.That(schema, Is.Not.Null, problem);
        using var document = JsonDocument.Parse(body);
        return schema!.Evaluate(document.RootElement, ResponseSchemas.Evaluation).IsValid;
    }

    private const string OpenApi30Yaml = """
        openapi: 3.0.3
        info: {title: Pets, version: "1"}
        paths:
          /pets/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              responses:
                "200":
                  description: a pet
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
                "404": {$ref: '#/components/responses/NotFound'}
        components:
          responses:
            NotFound:
              description: none
              content:
                application/json:
                  schema: {type: object, required: [message]}
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: {type: integer, minimum: 0, exclusiveMinimum: true}
                name: {type: string, nullable: true}
        """;

    [Test]
    public void A_yaml_openapi_3_0_document_loads_with_its_operations_and_parameters()
    {
        var spec = Load(OpenApi30Yaml);
        var operation = spec.Find("GET", "/pets/{id}");
        Assert.That(operation, Is.Not.Null);
        Assert.That(operation!.Parameters.Single().Name, Is.EqualTo("id"));
        Assert.That(operation.Responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { "200", "404" }));
        Assert.That(operation.ResponseFor(404)!.Content[0].SchemaPointer, Is.EqualTo("/components/responses/NotFound/content/application~1json/schema"));
    }

    [Test]
    public void Open_api_3_0_nullable_and_boolean_exclusive_minimum_keep_their_meaning()
    {
        var spec = Load(OpenApi30Yaml);
        Assert.Multiple(() =>
        {
            Assert.That(Valid(spec, "/pets/{id}", """{"id": 1, "name": null}"""), Is.True, "nullable allows null");
            Assert.That(Valid(spec, "/pets/{id}", """{"id": 0, "name": "Rex"}"""), Is.False, "exclusiveMinimum: true excludes the minimum");
            Assert.That(Valid(spec, "/pets/{id}", """{"id": 1.0, "name": "Rex"}"""), Is.True, "1.0 is an integer in JSON Schema");
        });
    }

    [Test]
    public void A_3_0_document_with_3_1_numeric_exclusive_minimum_loads_with_a_diagnostic()
    {
        var spec = Load(OpenApi30Yaml.Replace("minimum: 0, exclusiveMinimum: true", "exclusiveMinimum: 0"));
        Assert.That(spec.Diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Message.Contains("exclusiveMinimum")));
        Assert.That(spec.Find("GET", "/pets/{id}"), Is.Not.Null);
    }

    [Test]
    public void A_swagger_2_0_document_loads_and_validates_with_its_definitions()
    {
        var spec = Load("""
            {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "produces": ["application/json"],
             "paths": {"/things": {"get": {"responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Thing"}}}}}}},
             "definitions": {"Thing": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}}
            """, ".json");
        Assert.That(Valid(spec, "/things", """[{"code": "a"}]"""), Is.True);
        Assert.That(Valid(spec, "/things", """[{"name": "a"}]"""), Is.False);
    }

    /// <summary>A one-operation document (GET /x) whose 200 response has the given schema (a YAML flow mapping).</summary>
    private static Spec WithSchema(string openapi, string schema) => Load($$"""
        openapi: {{openapi}}
        info: {title: t, version: "1"}
        paths:
          /x:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {{schema}}
        """);

    private static Spec WithProperties(string openapi, string properties) => WithSchema(openapi, $"{{type: object, properties: {properties}}}");

    [Test]
    public void An_openapi_3_1_document_is_read_as_json_schema_2020_12()
    {
        var spec = WithProperties("3.1.0", """{count: {type: [integer, "null"], exclusiveMinimum: 0}}""");
        Assert.That(Valid(spec, "/x", """{"count": null}"""), Is.True);
        Assert.That(Valid(spec, "/x", """{"count": 0}"""), Is.False);
    }

    [Test]
    public void Unknown_formats_are_ignored_and_known_ones_asserted()
    {
        var spec = WithProperties("3.0.0",
            "{list: {type: string, format: csv}, when: {type: string, format: datetime}, mail: {type: string, format: email}}");
        Assert.That(Valid(spec, "/x", """{"list": "a;b", "when": "soon", "mail": "a@b.example"}"""), Is.True);
        Assert.That(Valid(spec, "/x", """{"mail": "not-an-email"}"""), Is.False);
    }

    [TestCase("just: [a, broken, list\n", "neither JSON nor YAML")]
    [TestCase("title: not a spec\n", "not an OpenAPI or Swagger document")]
    [TestCase("", "empty")]
    public void A_document_that_is_not_openapi_is_refused_with_a_clear_message(string text, string expected) =>
        Assert.That(() => Load(text), Throws.TypeOf<SpecLoadException>().With.Message.Contains(expected));

    [Test]
    public void A_missing_file_is_refused_with_a_clear_message() =>
        Assert.That(() => new SpecLoader(new SpecSource(new FetchPolicy())).Load("/no/such/spec.json", []),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("does not exist"));

    [Test]
    public void An_unresolvable_reference_is_a_spec_diagnostic_not_a_crash()
    {
        var spec = Load(OpenApi30Yaml.Replace("'#/components/schemas/Pet'", "'missing.json'"));
        var (schema, problem) = spec.Schemas.At(spec.Find("GET", "/pets/{id}")!.Responses[0].Content[0].SchemaPointer!);
        Assert.That(schema, Is.Null);
        Assert.That(problem, Does.Contain("missing.json"));
        Assert.That(spec.Diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Kind == SpecDiagnostic.Reference));
    }

    [Test]
    public void A_reference_to_a_fragment_of_another_file_resolves_to_that_fragment()
    {
        File.WriteAllText(Path.Combine(Scratch, "defs.json"), """{"$defs": {"Pet": {"type": "object", "required": ["name"]}}}""");
        var spec = WithSchema("3.0.0", "{$ref: 'defs.json#/$defs/Pet'}");
        Assert.That(Valid(spec, "/x", """{"name": "Rex"}"""), Is.True);
        Assert.That(Valid(spec, "/x", """{"age": 3}"""), Is.False, "the fragment's rules apply, not the whole file's");
    }

    [Test]
    public void A_spec_url_that_a_ref_map_maps_is_read_from_its_folder()
    {
        var folder = Directory.CreateTempSubdirectory("mapped-spec-").FullName;
        File.WriteAllText(Path.Combine(folder, "openapi.yaml"), OpenApi30Yaml);
        var map = new RefMap();
        map.Add("https://specs.conformance.invalid/v1/", folder);
        var spec = new SpecLoader(new SpecSource(new FetchPolicy(map))).Load("https://specs.conformance.invalid/v1/openapi.yaml", []);
        Assert.That(spec.Location.AbsoluteUri, Is.EqualTo("https://specs.conformance.invalid/v1/openapi.yaml"));
        Assert.That(spec.Find("GET", "/pets/{id}"), Is.Not.Null);
    }

    [Test]
    public void A_document_larger_than_the_cap_is_refused_and_one_within_it_is_read()
    {
        var text = OpenApi30Yaml;
        var file = Path.Combine(Scratch, $"spec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, text);
        var size = new FileInfo(file).Length;
        Assert.That(new SpecLoader(new SpecSource(new FetchPolicy { MaxDocumentBytes = size })).Load(file, []).Operations, Is.Not.Empty);
        Assert.That(() => new SpecLoader(new SpecSource(new FetchPolicy { MaxDocumentBytes = size - 1 })).Load(file, []),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("is larger than"));
    }

    [Test]
    public void An_unquoted_swagger_2_0_version_is_understood()
    {
        var spec = Load("""
            swagger: 2.0
            info: {title: t, version: "1"}
            paths:
              /x:
                get:
                  responses:
                    "200": {description: ok, schema: {type: object}}
            """);
        Assert.That(spec.OpenApiVersion, Is.EqualTo("2.0"));
        Assert.That(spec.Find("GET", "/x"), Is.Not.Null);
    }
}
