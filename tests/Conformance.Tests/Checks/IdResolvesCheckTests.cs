using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class IdResolvesCheckTests
{
    private readonly IdResolvesCheck _check = new();

    [Test]
    public void Ids_that_return_their_records_satisfy_it() =>
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item,
            JsonExchange("/services/1", Service(Id1), id: Id1), JsonExchange("/services/2", Service(Id2), id: Id2))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_listed_id_that_answers_404_violates_it()
    {
        var finding = Single(_check, Run("/services/{id}", OperationRole.Item,
            JsonExchange("/services/1", new JsonObject { ["message"] = "not found" }, status: 404, id: Id1)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.StartWith($"a listed id does not resolve: it answered 404; found id {Id1}"));
    }

    [Test]
    public void Returning_another_record_violates_it() =>
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/1", Service(Id2), id: Id1))).Message,
            Does.Contain($"a listed id returned another record; found id {Id1} (got the record with id {Id2})"));

    [Test]
    public void Without_ids_it_is_skipped_with_the_reason()
    {
        var run = new OperationRun(Operation("/services/{id}"), Conformance.Standards.Tier.Required, OperationRole.Item, [], "No ids to look up: GET /services gave none.");
        var finding = Single(_check, run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Does.Contain("gave none"));
    }
}
