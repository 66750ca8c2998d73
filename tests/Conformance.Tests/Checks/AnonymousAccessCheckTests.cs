using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class AnonymousAccessCheckTests
{
    private readonly AnonymousAccessCheck _check = new();

    [Test]
    public void Serving_an_anonymous_request_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject()))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase(401)]
    [TestCase(403)]
    public void Refusing_an_anonymous_request_violates_it(int status)
    {
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: status)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain(status.ToString()));
    }

    [Test]
    public void Requests_sent_with_credentials_are_not_judged() =>
        Assert.That(_check.Evaluate(Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), status: 401, anonymous: false)), Context),
            Is.Empty);
}
