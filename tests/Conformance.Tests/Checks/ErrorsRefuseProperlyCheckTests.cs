using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class ErrorsRefuseProperlyCheckTests
{
    private readonly ErrorsRefuseProperlyCheck _check = new();

    private OperationRun With(string path, OperationRole role, ErrorsRefuseProperlyCheck.Kind kind, int status) =>
        Run(path, role, Sent(JsonExchange(path, new JsonObject(), id: role == OperationRole.Item ? Id1 : null)),
            JsonExchange(path, new JsonObject(), status: status).For(_check, kind));

    [TestCase("/services/{id}", OperationRole.Item, ErrorsRefuseProperlyCheck.Kind.UnknownId, 404)]
    [TestCase("/services", OperationRole.List, ErrorsRefuseProperlyCheck.Kind.InvalidPage, 400)]
    [TestCase("/services", OperationRole.List, ErrorsRefuseProperlyCheck.Kind.InvalidPage, 200)]
    public void Proper_refusals_satisfy_it(string path, OperationRole role, ErrorsRefuseProperlyCheck.Kind kind, int status) =>
        Assert.That(Single(_check, With(path, role, kind, status)).Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase("/services/{id}", OperationRole.Item, ErrorsRefuseProperlyCheck.Kind.UnknownId, 200, "not 404")]
    [TestCase("/services/{id}", OperationRole.Item, ErrorsRefuseProperlyCheck.Kind.UnknownId, 500, "not 404")]
    [TestCase("/services", OperationRole.List, ErrorsRefuseProperlyCheck.Kind.InvalidPage, 500, "a server error")]
    public void Wrong_answers_violate_it(string path, OperationRole role, ErrorsRefuseProperlyCheck.Kind kind, int status, string expected)
    {
        var finding = Single(_check, With(path, role, kind, status));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain(expected));
    }

    [Test]
    public void Without_negative_probes_it_says_nothing() =>
        Assert.That(_check.Evaluate(Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 1, 0), page: 1)), Context), Is.Empty);
}
