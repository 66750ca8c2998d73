using Conformance.Drift;

namespace Conformance.Tests.Drift;

/// <summary>What the rule examples do not show on their own: paths under a prefix, recursive schemas, Swagger 2.0
/// against OpenAPI 3.1, and fields that travel one way only.</summary>
public class DriftComparerTests
{
    private static DriftReport Compare(string standard, string supplier) =>
        DriftComparer.Compare(DriftExamples.Contract(ExampleFrame.Paths, standard, "standard"), DriftExamples.Contract(ExampleFrame.Paths, supplier, "supplier"));

    private static IEnumerable<string> NotDocumentation(DriftReport report) =>
        report.Differences.Where(d => d.Rule.Kind != DriftKind.Documentation).Select(d => d.ToString());

    [Test]
    public void Paths_written_under_the_suppliers_base_path_are_matched_without_it()
    {
        var report = Compare("""
            /: {get: {responses: {"200": {description: ok}}}}
            /things: {get: {responses: {"200": {description: ok}}}}
            /things/{id}: {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
            """, """
            /api/v1: {get: {responses: {"200": {description: ok}}}}
            /api/v1/things: {get: {responses: {"200": {description: ok}}}}
            /api/v1/things/{thing}: {get: {parameters: [{name: thing, in: path, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
            """);
        Assert.That(NotDocumentation(report), Is.Empty);
        Assert.That(report.Notes, Has.One.Contains("the prefix /api/v1"));
    }

    private const string Tree = """
        openapi: 3.0.3
        info: {title: x, version: "1"}
        components:
          schemas:
            Term:
              type: object
              required: [id]
              properties:
                id: {type: string}
                LEAF
                children: {type: array, items: {$ref: "#/components/schemas/Term"}}
        paths:
          /terms:
            get:
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Term"}}}}
        """;

    [Test]
    public void A_recursive_schema_is_compared_around_its_cycle()
    {
        var standard = Tree.Replace("LEAF", "code: {type: string}");
        Assert.That(NotDocumentation(Compare(standard, standard)), Is.Empty);
        var changed = Compare(standard, Tree.Replace("LEAF", "code: {type: integer}"));
        Assert.That(changed.Differences.Where(d => d.Rule == DriftRules.ResponseTypeChanged).Select(d => d.Where),
            Is.EqualTo(new[] { "response 200 (application/json), field code" }), "found once, where it is: the cycle is not walked again");
    }

    [Test]
    public void A_Swagger_2_body_and_a_3_1_request_body_that_say_the_same_are_equal()
    {
        var swagger = """
            swagger: "2.0"
            info: {title: x, version: "1"}
            consumes: [application/json]
            paths:
              /things:
                post:
                  parameters:
                    - in: body
                      name: thing
                      required: true
                      schema: {type: object, required: [name], properties: {name: {type: string}, note: {type: string, x-nullable: true}}}
                  responses:
                    "201": {description: created}
            """;
        var openapi = """
            openapi: 3.1.0
            info: {title: x, version: "1"}
            paths:
              /things:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, required: [name], properties: {name: {type: string}, note: {type: [string, "null"]}}}
                  responses:
                    "201": {description: created}
            """;
        Assert.That(NotDocumentation(Compare(swagger, openapi)), Is.Empty);
        Assert.That(NotDocumentation(Compare(openapi, swagger)), Is.Empty);
    }

    [Test]
    public void Integers_lie_within_numbers_and_not_the_other_way()
    {
        static string Count(string type) => $"""
            /things:
              get:
                responses:
                  "200":
                    description: ok
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            count:
                              type: {type}
            """;
        Assert.That(Compare(Count("number"), Count("integer")).Differences.Select(d => d.Rule), Is.EqualTo(new[] { DriftRules.ResponseNarrowed }));
        Assert.That(Compare(Count("integer"), Count("number")).Differences.Select(d => d.Rule), Is.EqualTo(new[] { DriftRules.ResponseTypeWidened }));
    }

    [Test]
    public void A_read_only_field_is_never_demanded_of_a_request_nor_a_write_only_one_promised_in_a_response()
    {
        var standard = """
            /things:
              post:
                requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
                responses:
                  "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
            """;
        const string components = """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            components:
              schemas:
                Thing:
                  type: object
                  required: [id, name, secret]
                  properties:
                    id: {type: string, readOnly: true}
                    name: {type: string}
                    secret: {type: string, writeOnly: true}
            paths:
            """;
        var indented = "\n" + string.Join("\n", standard.Split('\n').Select(l => "  " + l));
        DriftReport Judge(string supplier) => DriftComparer.Compare(
            DriftExamples.Contract(ExampleFrame.Paths, components.Replace("required: [id, name, secret]", "required: [name, secret]") + indented, "standard"),
            DriftExamples.Contract(ExampleFrame.Paths, supplier + indented, "supplier"));
        // The supplier requires the read-only id (never sent in a request) and not the write-only secret (never sent
        // in a response): neither changes what a client of the standard sends or reads.
        var supplier = components.Replace("required: [id, name, secret]", "required: [id, name]");
        Assert.That(Judge(supplier).Differences.Where(d => d.Rule.Kind == DriftKind.Breaking).Select(d => d.ToString()), Is.Empty);
        Assert.That(Judge(supplier.Replace("id: {type: string, readOnly: true}", "id: {type: string}")).Differences.Select(d => d.Rule),
            Does.Contain(DriftRules.RequestFieldRequired), "without readOnly, requiring id in a request demands more");
    }
}
