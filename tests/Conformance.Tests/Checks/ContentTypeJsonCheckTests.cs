using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class ContentTypeJsonCheckTests
{
    private readonly ContentTypeJsonCheck _check = new();

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON")]
    [TestCase("application/problem+json")]
    public void Json_media_types_satisfy_it(string contentType) =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), contentType: contentType))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [TestCase("text/html")]
    [TestCase("text/plain; charset=utf-8")]
    public void Other_media_types_violate_it(string contentType)
    {
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject(), contentType: contentType)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain(contentType));
    }

    [Test]
    public void A_missing_content_type_violates_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, Raw("/", "{}"u8.ToArray(), contentType: null))).Message,
            Does.Contain("no Content-Type"));
}
