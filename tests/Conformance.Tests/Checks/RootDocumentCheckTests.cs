using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class RootDocumentCheckTests
{
    private readonly RootDocumentCheck _check = new();

    private static JsonObject Complete() => new()
    {
        ["version"] = "HSDS-UK-3.0",
        ["profile"] = "https://github.com/OpenReferralUK/uk-profile",
        ["openapi_url"] = "https://api.example.org/openapi.json",
    };

    [Test]
    public void A_complete_document_satisfies_it() =>
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", Complete()))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_missing_profile_violates_it()
    {
        var document = Complete();
        document.Remove("profile");
        var finding = Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", document)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("'profile' is missing"));
    }

    [Test]
    public void A_relative_openapi_url_violates_it()
    {
        var document = Complete();
        document["openapi_url"] = "docs-openreferraluk-org/openapi30.json";
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", document))).Message,
            Does.Contain("'openapi_url' is not an absolute http(s) URI"));
    }

    [Test]
    public void A_path_is_not_a_uri_even_where_the_platform_reads_it_as_a_file() // "/x" is file:///x on Linux
    {
        var document = Complete();
        document["profile"] = "/profile.json";
        Assert.That(Single(_check, Run("/", OperationRole.Discovery, JsonExchange("/", document))).Kind, Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void It_only_judges_the_discovery_operation() =>
        Assert.That(_check.Evaluate(Run("/services", OperationRole.List, JsonExchange("/services", Complete())), Context), Is.Empty);
}
