using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Running;

namespace Conformance.Tests.Specs;

public class JsonTextTests
{
    [Test]
    public void A_lone_surrogate_reads_as_no_text_rather_than_throwing()
    {
        var record = (JsonObject)JsonNode.Parse("""{"id": "\ud800", "name": "Caf\u00e9 \ud800 club"}""")!;
        Assert.That(JsonText.Of(record["id"]), Is.Null);
        Assert.That(AnswerRecords.IdOf(record, "id"), Is.Null);
        var search = Fixtures.Profile.Filters.Single(f => f.Parameter == "search");
        Assert.DoesNotThrow(() => FilterMatching.ValueFrom(record, search));
    }
}
