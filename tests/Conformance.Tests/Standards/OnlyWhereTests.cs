using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Tests.Standards;

/// <summary>
/// Which records a lookup or a write takes (only_where): a boolean sent as the text "true" or "false" is the
/// schema's to report, and must not silently drop the record from the lookups.
/// </summary>
public class OnlyWhereTests
{
    private static readonly Dictionary<string, JsonNode?> WithMetadata = new() { ["metadata"] = true };

    [TestCase("true", true)]
    [TestCase("\"true\"", true)]
    [TestCase("\" TRUE \"", true)]
    [TestCase("false", false)]
    [TestCase("\"false\"", false)]
    [TestCase("\"yes\"", false)]
    [TestCase("1", false)]
    [TestCase("null", false)]
    public void A_boolean_condition_is_met_by_the_boolean_or_its_text(string metadata, bool holds)
    {
        var record = JsonNode.Parse($$"""{"service_code":"a","metadata":{{metadata}}}""")!.AsObject();
        Assert.That(OnlyWhere.Holds(record, WithMetadata), Is.EqualTo(holds));
    }

    [Test]
    public void Other_values_must_be_equal()
    {
        var conditions = new Dictionary<string, JsonNode?> { ["type"] = "realtime" };
        Assert.That(OnlyWhere.Holds(JsonNode.Parse("""{"type":"realtime"}""")!.AsObject(), conditions), Is.True);
        Assert.That(OnlyWhere.Holds(JsonNode.Parse("""{"type":"batch"}""")!.AsObject(), conditions), Is.False);
        Assert.That(OnlyWhere.Holds(JsonNode.Parse("""{}""")!.AsObject(), conditions), Is.False);
    }
}
