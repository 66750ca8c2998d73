using System.Text.Json;
using Conformance.Checks;
using Conformance.Specs;

namespace Conformance.Tests.Specs;

/// <summary>
/// Local $refs whose JSON Pointer passes through another $ref (as swagger-cli bundles the APDS 4.0 document) are read
/// as the bundler meant, with a diagnostic; a $ref that names nothing is a diagnostic, and the schemas that reach it
/// are reported unusable instead of failing while a body is judged.
/// </summary>
public class LocalRefsTests
{
    private const string Through = "#/paths/~1thing/get/responses/200/content/application~1json/schema/properties/list/items/properties/name";

    [Test]
    public void A_pointer_through_a_ref_is_followed_and_said_to_be()
    {
        var spec = SchemaResolutionTests.SpecWith(
            """{"type": "object", "properties": {"list": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}, "first": {"$ref": "THROUGH"}}}""".Replace("THROUGH", Through),
            """{"Item": {"type": "object", "properties": {"name": {"type": "string"}}}}""");

        Assert.That(SchemaResolutionTests.Judge(spec, """{"list": [{"name": "a"}], "first": "a"}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(SchemaResolutionTests.Judge(spec, """{"first": 5}"""), Is.EqualTo(FindingKind.Violated), "the $ref reached the string schema");
        Assert.That(spec.Diagnostics, Has.One.Matches<SpecDiagnostic>(d => d!.Kind == SpecDiagnostic.Reference
            && d.Message.Contains("points through another $ref") && d.Message.Contains("#/components/schemas/Item/properties/name")));
    }

    [Test]
    public void A_ref_to_a_node_outside_components_is_not_blamed_on_the_document()
    {
        // The OpenAPI reader follows schema $refs only into components/schemas; the document is right to point elsewhere.
        var spec = SchemaResolutionTests.SpecWith(
            """{"type": "object", "properties": {"a": {"type": "string"}, "b": {"$ref": "#/paths/~1thing/get/responses/200/content/application~1json/schema/properties/a"}}}""");
        Assert.That(spec.Diagnostics, Is.Empty);
        Assert.That(SchemaResolutionTests.Judge(spec, """{"b": 1}"""), Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void A_chain_of_refs_on_the_way_is_followed_to_its_end()
    {
        var spec = SchemaResolutionTests.SpecWith(
            """{"$ref": "#/components/schemas/Outer/properties/inner/properties/count"}""",
            """
            {"Outer": {"type": "object", "properties": {"inner": {"$ref": "#/components/schemas/Alias"}}},
             "Alias": {"$ref": "#/components/schemas/Inner"},
             "Inner": {"type": "object", "properties": {"count": {"type": "integer"}}}}
            """);

        Assert.That(SchemaResolutionTests.Judge(spec, "3"), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(SchemaResolutionTests.Judge(spec, "\"three\""), Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void A_ref_that_names_nothing_makes_the_schemas_that_reach_it_unusable_and_no_other()
    {
        var spec = SchemaResolutionTests.SpecWith(
            """{"type": "object", "properties": {"owner": {"$ref": "#/components/schemas/Person"}}}""",
            """{"Person": {"type": "object", "properties": {"address": {"$ref": "#/components/schemas/Nowhere"}}}}""");

        var (schema, problem) = spec.Schemas.At(spec.Find("GET", "/thing")!.ResponseFor(200)!.Content[0].SchemaPointer!);
        Assert.That(schema, Is.Null);
        Assert.That(problem, Does.Contain("/components/schemas/Person/properties/address").And.Contain("names nothing"));
        Assert.That(spec.Diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Message.Contains("#/components/schemas/Nowhere names nothing")));
    }

    [Test]
    public void References_that_go_round_in_a_circle_are_dangling_not_a_hang()
    {
        var spec = SchemaResolutionTests.SpecWith(
            """{"$ref": "#/components/schemas/A/properties/x"}""",
            """{"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}""");

        var (schema, problem) = spec.Schemas.At(spec.Find("GET", "/thing")!.ResponseFor(200)!.Content[0].SchemaPointer!);
        Assert.That(schema, Is.Null);
        Assert.That(problem, Does.Contain("names nothing"));
    }

    [Test]
    public void A_property_named_like_a_data_keyword_is_still_a_schema_and_a_ref_in_an_example_is_text()
    {
        var spec = SchemaResolutionTests.SpecWith(
            """{"type": "object", "properties": {"example": {"$ref": "#/components/schemas/Gone"}}, "example": {"$ref": "#/nowhere"}}""");

        Assert.That(spec.Diagnostics.Where(d => d.Message.Contains("names nothing")).Select(d => d.Message),
            Is.EqualTo(new[] { "The $ref #/components/schemas/Gone names nothing in the document: schemas that use it cannot be judged." }));
    }

    [Test]
    public void A_document_whose_refs_all_resolve_is_left_as_it_is()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse("""{"a": {"$ref": "#/b"}, "b": {"type": "string"}}""")!;
        var before = root.ToJsonString();
        var outcome = LocalRefs.Repair(root);
        Assert.That(outcome.Diagnostics, Is.Empty);
        Assert.That(outcome.Dangling, Is.Empty);
        Assert.That(root.ToJsonString(), Is.EqualTo(before));
        _ = JsonDocument.Parse(before); // still the same JSON
    }

    [Test]
    public void A_ref_inside_a_schema_with_its_own_id_is_that_resources_and_left_alone()
    {
        var spec = SchemaResolutionTests.SpecWith(
            """{"$id": "https://example.org/thing", "$defs": {"n": {"type": "integer"}}, "properties": {"count": {"$ref": "#/$defs/n"}}}""");
        Assert.That(spec.Diagnostics.Where(d => d.Message.Contains("names nothing") || d.Message.Contains("points through")), Is.Empty);
        Assert.That(SchemaResolutionTests.Judge(spec, """{"count": "three"}"""), Is.EqualTo(FindingKind.Violated));
        Assert.That(SchemaResolutionTests.Judge(spec, """{"count": 3}"""), Is.EqualTo(FindingKind.Satisfied));
    }
}
