using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

/// <summary>Rules the ORUK text states beyond the schema: a service names its organization; empty fields are left out.</summary>
public class TextRuleChecksTests
{
    [Test]
    public void A_service_with_organization_id_or_a_nested_organization_satisfies_required_fields()
    {
        var flat = Service(Id1).Apply(s => s["organization_id"] = "org-1");
        var nested = Service(Id2).Apply(s => s["organization"] = new JsonObject { ["id"] = "org-1", ["name"] = "Harbourside" });
        var run = Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 1, 2, flat, nested), page: 1));
        Assert.That(Single(new RequiredFieldsCheck(), run).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_service_naming_no_organization_violates_it()
    {
        var run = Run("/services/{id}", OperationRole.Item, JsonExchange("/services/{id}", Service(Id1), id: Id1));
        var finding = Single(new RequiredFieldsCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.StartWith("organization_id or organization.id is missing").And.Contain("(in 1 of 1 record)"));
        Assert.That(finding.Details, Has.Some.Contains($"record {Id1} has no organization_id or organization.id"));
    }

    [Test]
    public void Omitted_fields_and_empty_lists_satisfy_no_null_fields()
    {
        var service = Service(Id1).Apply(s => s["phones"] = new JsonArray());
        var run = Run("/services/{id}", OperationRole.Item, JsonExchange("/services/{id}", service, id: Id1));
        Assert.That(Single(new NoNullFieldsCheck(), run).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_null_or_an_empty_string_violates_it()
    {
        var service = Service(Id1).Apply(s => { s["email"] = null; s["contacts"] = new JsonArray(new JsonObject { ["title"] = "" }); });
        var run = Run("/services/{id}", OperationRole.Item, JsonExchange("/services/{id}", service, id: Id1));
        var finding = Single(new NoNullFieldsCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Details, Has.Some.Contains("at /email: null").And.Some.Contains("at /contacts/0/title: \"\""));
        Assert.That(finding.Message, Does.Contain("email is sent empty; found null (leave out a field that has no value)")
            .And.Contain("contacts[].title is sent empty; found \"\""));
    }
}
