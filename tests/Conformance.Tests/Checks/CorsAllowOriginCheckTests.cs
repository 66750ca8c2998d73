using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class CorsAllowOriginCheckTests
{
    private readonly CorsAllowOriginCheck _check = new();

    [Test]
    public void A_star_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject()))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_missing_header_violates_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), cors: null))).Message,
            Does.Contain("no Access-Control-Allow-Origin"));

    [Test]
    public void A_single_origin_violates_it()
    {
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), cors: "https://council.example")));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("https://council.example"));
    }
}
