using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class ContentTypeDocumentedCheckTests
{
    private readonly ContentTypeDocumentedCheck _check = new();

    [Test]
    public void A_documented_media_type_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), contentType: "application/json; charset=utf-8"))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_undocumented_media_type_violates_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), contentType: "text/csv"))).Message,
            Does.Contain("'text/csv', documented: application/json"));
}
