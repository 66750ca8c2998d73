using System.Text.Json.Nodes;
using Conformance.Specs;

namespace Conformance.Tests.Specs;

public class SchemaDialectTests
{
    private static JsonNode Normalised(string schema)
    {
        var node = JsonNode.Parse(schema)!;
        SchemaDialect.NormaliseToJsonSchema(node);
        return node;
    }

    [Test]
    public void Nullable_with_a_type_adds_null_to_the_type_and_the_enum() =>
        Assert.That(Normalised("""{"type": "string", "enum": ["a"], "nullable": true}""").ToJsonString(),
            Is.EqualTo("""{"type":["string","null"],"enum":["a",null]}"""));

    [Test]
    public void Nullable_beside_a_ref_becomes_the_schema_or_null() =>
        Assert.That(Normalised("""{"allOf": [{"$ref": "#/x"}], "nullable": true}""").ToJsonString(),
            Is.EqualTo("""{"anyOf":[{"allOf":[{"$ref":"#/x"}]},{"type":"null"}]}"""));

    [Test]
    public void A_property_named_nullable_is_left_alone() =>
        Assert.That(Normalised("""{"properties": {"nullable": {"type": "boolean"}}}""").ToJsonString(),
            Is.EqualTo("""{"properties":{"nullable":{"type":"boolean"}}}"""));

    [Test]
    public void Boolean_exclusive_bounds_become_numbers() =>
        Assert.That(Normalised("""{"minimum": 1, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": false}""").ToJsonString(),
            Is.EqualTo("""{"maximum":9,"exclusiveMinimum":1}"""));
}
