using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class NoServerErrorCheckTests
{
    private readonly NoServerErrorCheck _check = new();

    [Test]
    public void A_success_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject()))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase(500)]
    [TestCase(503)]
    public void A_5xx_violates_it(int status) =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: status))).Kind,
            Is.EqualTo(FindingKind.Violated));

    [Test]
    public void A_4xx_is_not_a_server_error() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: 404))).Kind,
            Is.EqualTo(FindingKind.Satisfied));
}
