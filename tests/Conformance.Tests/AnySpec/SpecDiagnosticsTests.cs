using System.Text.Json.Nodes;
using Conformance.Specs;

namespace Conformance.Tests.AnySpec;

public class SpecDiagnosticsTests
{
    private static readonly JsonNode Root = JsonNode.Parse("""{"paths": {"/a": {"get": {"parameters": [{"name": "x"}]}}}, "components": {"definitions": {"A": {}}, "schemas": {"B": {"$ref": "#/components/definitions/A"}}}}""")!;

    [Test]
    public void The_same_problem_is_told_once_with_a_count_naming_its_first_place()
    {
        var raw = Enumerable.Range(0, 5).Select(i => new SpecDiagnostic(SpecDiagnostic.Parse, "", $"sortable is not a valid property at #/paths/~1a/get/parameters")).ToList();
        var tidy = SpecDiagnostics.Tidy(raw, "3.0.1", Root);
        Assert.That(tidy, Has.Count.EqualTo(1));
        Assert.That(tidy[0].Count, Is.EqualTo(5));
        Assert.That(tidy[0].Location, Is.EqualTo("/paths/~1a/get/parameters"));
        Assert.That(tidy[0].Message, Is.EqualTo("sortable is not a valid property (5 places; the first is named)"));
    }

    [Test]
    public void What_the_reader_says_wrongly_is_left_out()
    {
        var raw = new List<SpecDiagnostic>
        {
            new(SpecDiagnostic.Parse, "", "uniqueItems is not a valid property at #/paths/~1a/get/parameters"),
            new(SpecDiagnostic.Parse, "#/paths/~1a/get", "Circular reference detected while resolving schema: ./shared.yaml#/Leaf"),
            new(SpecDiagnostic.Parse, "/components/schemas/B/$ref", "The schema reference '#/components/schemas/A' does not point to an existing schema."),
        };
        Assert.That(SpecDiagnostics.Tidy(raw, "2.0", Root), Is.Empty);
        Assert.That(SpecDiagnostics.Tidy(raw.Take(1).ToList(), "3.0.1", Root), Has.Count.EqualTo(1), "uniqueItems on a 3.0 parameter (outside its schema) is not valid");
    }

    [Test]
    public void A_place_names_only_what_the_document_has()
    {
        var garbled = "/paths/~1a/get/" + new string('x', 900);
        var tidy = SpecDiagnostics.Tidy([new(SpecDiagnostic.Parse, garbled, "odd"), new(SpecDiagnostic.Parse, "no pointer at all", "odder")], "3.0.1", Root);
        Assert.That(tidy[0].Location, Is.EqualTo("/paths/~1a/get"));
        Assert.That(tidy[1].Location, Is.Empty);
    }
}
