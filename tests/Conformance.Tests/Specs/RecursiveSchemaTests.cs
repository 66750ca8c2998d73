using Conformance.Checks;
using Conformance.Specs;
using static Conformance.Tests.Specs.SchemaResolutionTests;

namespace Conformance.Tests.Specs;

/// <summary>
/// A schema that refers back to itself without descending into the body would be evaluated forever (a stack
/// overflow no .NET program can catch): it is a spec diagnostic and an error, found before evaluation. Recursion
/// through properties or items descends with the body and keeps working.
/// </summary>
public class RecursiveSchemaTests
{
    private static void AssertCannotBeJudged(Spec spec, string reason = "refers back to itself without descending into the body")
    {
        Assert.That(Judge(spec, """{"a": 1}"""), Is.EqualTo(FindingKind.Error));
        Assert.That(spec.Diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Kind == SpecDiagnostic.Reference && d.Message.Contains(reason)));
    }

    [Test]
    public void A_schema_that_is_all_of_itself_cannot_be_judged() =>
        AssertCannotBeJudged(SpecWith("""{"$ref": "#/components/schemas/self"}""",
            """{"self": {"allOf": [{"$ref": "#/components/schemas/self"}]}}"""));

    [Test]
    public void A_schema_that_is_a_reference_to_itself_cannot_be_judged() => // JsonSchema.Net finds a cycle of bare $refs itself
        AssertCannotBeJudged(SpecWith("""{"$ref": "#/components/schemas/self"}""", """{"self": {"$ref": "#/components/schemas/self"}}"""), "Cycle detected");

    [Test]
    public void A_dynamic_reference_to_its_own_anchor_cannot_be_judged() =>
        AssertCannotBeJudged(SpecWith("""{"$dynamicAnchor": "node", "$dynamicRef": "#node"}"""));

    [Test]
    public void A_dynamic_reference_at_the_root_of_a_referenced_file_cannot_be_judged()
    {
        var file = Path.Combine(Scratch, $"node-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"$dynamicAnchor": "node", "$dynamicRef": "#node"}""");
        AssertCannotBeJudged(SpecWith($$"""{"$ref": "{{Path.GetFileName(file)}}"}"""));
    }

    [Test]
    public void A_cycle_closed_by_a_dynamic_reference_into_another_file_cannot_be_judged()
    {
        // Each file is checked as it is built, whenever the validator asks for it.
        var (a, b) = ($"a-{Guid.NewGuid():N}.json", $"b-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path.Combine(Scratch, a), $$"""{"$dynamicAnchor": "n", "allOf": [{"$dynamicRef": "{{b}}#n"}]}""");
        File.WriteAllText(Path.Combine(Scratch, b), $$"""{"$dynamicAnchor": "n", "allOf": [{"$ref": "{{a}}"}]}""");
        Assert.That(Judge(SpecWith($$"""{"$ref": "{{a}}"}"""), "{}"), Is.EqualTo(FindingKind.Error));
    }

    [TestCase("""{"a": {"anyOf": [{"$ref": "#/components/schemas/b"}]}, "b": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/a"}]}}""")]
    [TestCase("""{"a": {"if": {"$ref": "#/components/schemas/a"}}, "b": {}}""")]
    [TestCase("""{"a": {"not": {"not": {"$ref": "#/components/schemas/a"}}}, "b": {}}""")]
    [TestCase("""{"a": {"dependentSchemas": {"x": {"$ref": "#/components/schemas/a"}}}, "b": {}}""")]
    public void Any_cycle_of_in_place_applicators_cannot_be_judged(string components) =>
        AssertCannotBeJudged(SpecWith("""{"$ref": "#/components/schemas/a"}""", components));

    [Test]
    public void A_cycle_below_a_property_still_makes_the_schema_unusable() =>
        AssertCannotBeJudged(SpecWith("""{"type": "object", "properties": {"rare": {"$ref": "#/components/schemas/self"}}}""",
            """{"self": {"allOf": [{"$ref": "#/components/schemas/self"}]}}"""));

    [Test]
    public void A_2019_09_recursive_reference_in_place_cannot_be_judged()
    {
        var file = Path.Combine(Scratch, $"recursive-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"$schema": "https://json-schema.org/draft/2019-09/schema", "$recursiveAnchor": true, "anyOf": [{"$recursiveRef": "#"}]}""");
        AssertCannotBeJudged(SpecWith($$"""{"$ref": "{{Path.GetFileName(file)}}"}"""));
    }

    [Test]
    public void Recursion_through_properties_and_items_descends_and_is_judged()
    {
        var spec = SpecWith("""{"$ref": "#/components/schemas/node"}""", """
            {"node": {"type": "object", "required": ["name"],
                      "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/node"}]}}}}}
            """);
        Assert.That(Judge(spec, """{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, """{"name": "a", "children": [{"name": "b", "children": [{"title": "c"}]}]}"""), Is.EqualTo(FindingKind.Violated));
        Assert.That(spec.Diagnostics.Where(d => d.Kind == SpecDiagnostic.Reference), Is.Empty);
    }

    [Test]
    public void A_dynamic_reference_that_descends_is_judged()
    {
        var spec = SpecWith("""{"$ref": "#/components/schemas/tree"}""", """
            {"tree": {"$id": "https://ids.conformance.invalid/tree", "$dynamicAnchor": "node", "type": "object",
                      "properties": {"data": true, "children": {"type": "array", "items": {"$dynamicRef": "#node"}}}}}
            """);
        Assert.That(Judge(spec, """{"data": 1, "children": [{"children": []}]}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, """{"children": [{"children": 3}]}"""), Is.EqualTo(FindingKind.Violated));
    }
}
