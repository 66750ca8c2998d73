using System.Text.Json.Nodes;
using Conformance.Checks;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class StatusCodeDocumentedCheckTests
{
    private readonly StatusCodeDocumentedCheck _check = new();

    [Test]
    public void A_documented_status_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject()))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_undocumented_status_violates_it()
    {
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: 418)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("418").And.Contain("documented: 200"));
    }
}
