using System.Text;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Specs;

/// <summary>
/// Specs whose schemas the OpenAPI reader cannot model, or that name schemas by `$id`: they still load, and every
/// body is judged by the schema's own verdict (never by whether an error message happened to be produced).
/// </summary>
public class SchemaResolutionTests
{
    internal static readonly string Scratch = Directory.CreateTempSubdirectory("schema-resolution-").FullName;

    /// <summary>An OpenAPI 3.1 document whose GET /thing answers with the given schema (JSON text).</summary>
    internal static Spec SpecWith(string schema, string components = "{}")
    {
        var file = Path.Combine(Scratch, $"spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(file,
            """{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/thing": {"get": {"responses": {"200": """
            + """{"description": "a thing", "content": {"application/json": {"schema": """ + schema + "}}}}}}},"
            + """ "components": {"schemas": """ + components + "}}");
        return new SpecLoader(new SpecSource(new FetchPolicy())).Load(file, []);
    }

    internal static FindingKind Judge(Spec spec, string body) => JudgeFinding(spec, body).Kind;

    private static Finding JudgeFinding(Spec spec, string body)
    {
        var operation = spec.Find("GET", "/thing")!;
        var exchange = new Exchange
        {
            Operation = operation.Id, Purpose = "fetch", Method = "GET", Url = "http://vendor.test/thing", RequestHeaders = [],
            Status = 200, ContentType = "application/json", Body = Encoding.UTF8.GetBytes(body),
        };
        var findings = new ResponseSchemaCheck().Evaluate(new OperationRun(operation, Tier.Required, OperationRole.Other, [new SentRequest(exchange)]),
            new CheckContext(spec, GenericProfile.For(spec))).ToList();
        Assert.That(findings, Has.Count.EqualTo(1));
        return findings[0];
    }

    [Test]
    public void A_value_a_not_forbids_fails_even_though_not_has_no_error_message()
    {
        var spec = SpecWith("""{"type": "object", "properties": {"status": {"not": {"enum": ["deleted"]}}}}""");
        Assert.That(Judge(spec, """{"status": "deleted"}"""), Is.EqualTo(FindingKind.Violated));
        Assert.That(Judge(spec, """{"status": "active"}"""), Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_value_matching_two_branches_of_a_oneOf_fails()
    {
        var spec = SpecWith("""{"oneOf": [{"type": "integer"}, {"minimum": 2}]}""");
        Assert.That(Judge(spec, "3"), Is.EqualTo(FindingKind.Violated));
        Assert.That(Judge(spec, "1"), Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_boolean_schema_in_properties_is_read_and_judged()
    {
        var spec = SpecWith("""{"$ref": "#/components/schemas/record"}""",
            """{"record": {"type": "object", "properties": {"id": true, "legacy_id": false}}}""");
        Assert.That(spec.Diagnostics.Select(d => d.Message), Has.Some.Contains("read without them"));
        Assert.That(Judge(spec, """{"id": 1}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, """{"id": 1, "legacy_id": 2}"""), Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void A_ref_to_an_id_declared_in_the_spec_is_resolved_there_not_fetched()
    {
        // Neither a urn: nor this unreachable https: identifier can be fetched: only the document can resolve them.
        var spec = SpecWith("""{"$ref": "#/components/schemas/record"}""",
            """
            {"record": {"type": "object", "properties": {"code": {"$ref": "urn:example:code"}, "when": {"$ref": "https://ids.conformance.invalid/when"}}},
             "code": {"$id": "urn:example:code", "type": "string", "maxLength": 3},
             "when": {"$id": "https://ids.conformance.invalid/when", "$ref": "#/$defs/moment", "$defs": {"moment": {"type": "string", "format": "date-time"}}}}
            """);
        Assert.That(Judge(spec, """{"code": "abc", "when": "2026-01-01T10:00:00Z"}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, """{"code": "abcd"}"""), Is.EqualTo(FindingKind.Violated));
        Assert.That(Judge(spec, """{"when": "yesterday"}"""), Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void A_relative_id_in_a_nested_schema_changes_the_base_of_its_refs()
    {
        var spec = SpecWith("""{"$ref": "#/components/schemas/root"}""",
            """
            {"root": {"$id": "https://ids.conformance.invalid/root/", "properties": {"child": {"$ref": "child/leaf"}},
                      "$defs": {"leaf": {"$id": "child/leaf", "type": "integer"}}}}
            """);
        Assert.That(Judge(spec, """{"child": 2}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, """{"child": "two"}"""), Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void An_id_inside_an_enum_declares_nothing()
    {
        var spec = SpecWith("""{"$ref": "#/components/schemas/record"}""",
            """{"record": {"enum": [{"$id": "urn:example:fake", "type": "null"}]}, "user": {"$ref": "urn:example:fake"}}""");
        Assert.That(Judge(spec, """{"$id": "urn:example:fake", "type": "null"}"""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, "null"), Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void An_ecmascript_unicode_property_in_a_pattern_is_understood()
    {
        var spec = SpecWith("""{"type": "string", "pattern": "^\\p{Letter}+$"}""");
        Assert.That(Judge(spec, "\"Gießen\""), Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Judge(spec, "\"42\""), Is.EqualTo(FindingKind.Violated));
    }

    [TestCase("hostname", "not_a_host!", FindingKind.Satisfied)] // unproven validator: an annotation only
    [TestCase("iri", "not an iri", FindingKind.Satisfied)]
    [TestCase("uuid", "not-a-uuid", FindingKind.Violated)]
    [TestCase("date-time", "2026-02-30T10:00:00Z", FindingKind.Violated)]
    [TestCase("relative-json-pointer", "١/foo", FindingKind.Violated)] // a validator that cannot parse a value rejects it
    [TestCase("csv", "anything at all", FindingKind.Satisfied)] // a format nobody defines
    public void Only_proven_formats_are_asserted(string format, string value, FindingKind expected) =>
        Assert.That(Judge(SpecWith($$"""{"type": "string", "format": "{{format}}"}"""), $"\"{value}\""), Is.EqualTo(expected));

    [Test]
    public void An_id_under_a_keyword_the_dialect_does_not_know_is_no_resource_and_never_loops()
    {
        // 2020-12 has no "definitions": the $id beneath it declares nothing, and the $ref to it cannot be resolved
        // from the spec. It used to send the validator round in circles until the stack overflowed.
        var spec = SpecWith("""{"$ref": "#/components/schemas/a"}""",
            """
            {"a": {"$id": "https://ids.conformance.invalid/a.json", "type": "object",
                   "definitions": {"name": {"$id": "https://ids.conformance.invalid/name.json", "type": "string"}},
                   "properties": {"p": {"$ref": "https://ids.conformance.invalid/name.json"}}}}
            """);
        Assert.That(Judge(spec, """{"p": "x"}"""), Is.EqualTo(FindingKind.Error));
    }

    [Test]
    public void An_id_declared_twice_names_no_schema_and_nothing_is_judged_by_either()
    {
        var spec = SpecWith("""{"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}, "b": {"$ref": "#/components/schemas/B"}}}""",
            """
            {"A": {"$id": "https://ids.conformance.invalid/thing", "description": "free text"},
             "B": {"$id": "https://ids.conformance.invalid/thing", "type": "integer"}}
            """);
        Assert.That(spec.Diagnostics.Select(d => d.Message), Has.Some.Contains("is declared by more than one schema"));
        var finding = JudgeFinding(spec, """{"a": "anything", "b": "not a number"}""");
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Error), "never a pass by the wrong schema");
        Assert.That(finding.Message, Does.Contain("more than once"));
    }

    [TestCase("""{"properties": {"x": {"oneOf": [{"type": "object", "properties": {"name": {"type": "string"}}}, {"type": "array"}]}}}""",
        """{"x": {"name": 5}}""", "x must be one of: (1) an object where name must be text; or (2) a list; found an object")]
    [TestCase("""{"properties": {"o": {"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "null"}]}}}""",
        """{"o": {"a": 1}}""", "o must be null, or an object where a must be text; found an object")]
    [TestCase("""{"properties": {"s": {"type": ["string", "null"]}}}""", """{"s": 4}""", "s must be text or null; found 4")]
    [TestCase("""{"properties": {"status": {"enum": ["active", "inactive"]}}}""", """{"status": "retired"}""",
        "status must be one of \"active\", \"inactive\"; found \"retired\"")]
    [TestCase("""{"properties": {"code": {"type": "string", "pattern": "^[A-Z]{3}$"}}}""", """{"code": "ab"}""", "code must match the pattern ^[A-Z]{3}$")]
    [TestCase("""{"properties": {"tags": {"type": "array", "minItems": 2}}}""", """{"tags": ["a"]}""", "tags must have at least 2 items")]
    [TestCase("""{"properties": {"kind": {"const": "yes"}}}""", """{"kind": "no"}""", "kind must be \"yes\"; found \"no\"")]
    public void Findings_say_in_plain_words_what_the_schema_allows(string schema, string body, string expected)
    {
        var finding = JudgeFinding(SpecWith(schema), body);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.StartWith(expected));
    }
}
