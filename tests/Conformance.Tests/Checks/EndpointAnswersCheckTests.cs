using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class EndpointAnswersCheckTests
{
    private readonly EndpointAnswersCheck _check = new();

    [Test]
    public void A_200_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new System.Text.Json.Nodes.JsonObject()))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_404_violates_it()
    {
        var finding = Single(_check, Run("/services", OperationRole.List, JsonExchange("/services", new System.Text.Json.Nodes.JsonObject(), status: 404)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("404"));
    }

    [Test]
    public void A_500_is_left_to_no_server_error_so_it_is_blamed_once()
    {
        var finding = Single(_check, Run("/services", OperationRole.List, JsonExchange("/services", new System.Text.Json.Nodes.JsonObject(), status: 500)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Does.Contain("no-server-error"));
    }

    [Test]
    public void A_listed_id_that_does_not_resolve_is_left_to_id_resolves()
    {
        var finding = Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/{id}", new System.Text.Json.Nodes.JsonObject(), status: 404, id: "x")));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Does.Contain("id-resolves"));
    }

    [Test]
    public void No_answer_violates_it_and_says_why()
    {
        var finding = Single(_check, Run("/services", OperationRole.List, Unanswered("/services")));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("Connection refused"));
    }

    [Test]
    public void An_operation_that_was_not_called_is_skipped_with_the_reason()
    {
        var run = new OperationRun(Operation("/services/{id}"), Conformance.Standards.Tier.Required, OperationRole.Item, [], "No ids to look up");
        var finding = Single(_check, run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Is.EqualTo("No ids to look up"));
    }
}
