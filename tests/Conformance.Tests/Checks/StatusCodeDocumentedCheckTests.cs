using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class StatusCodeDocumentedCheckTests
{
    private readonly StatusCodeDocumentedCheck _check = new();

    [Test]
    public void A_documented_status_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject()))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_undocumented_success_status_violates_it()
    {
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: 203)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("203").And.Contain("documented: 200"));
    }

    [Test]
    public void An_undocumented_refusal_of_a_later_request_violates_it()
    {
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject()),
            JsonExchange("/", new JsonObject(), status: 418, anonymous: false)));
        Assert.That(finding.Message, Does.Contain("418"));
    }

    [Test]
    public void A_refusal_another_check_owns_is_left_to_it()
    {
        var findings = _check.Evaluate(Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: 418)), Context);
        Assert.That(findings, Is.Empty, "the first request's refusal is endpoint-answers'");
    }
}
