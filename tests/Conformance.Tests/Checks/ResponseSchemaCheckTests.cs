using System.Text.Json.Nodes;
using Conformance.Checks;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class ResponseSchemaCheckTests
{
    private readonly ResponseSchemaCheck _check = new();

    private static JsonObject FullService() => new()
    {
        ["id"] = Id1,
        ["name"] = "Lunch club",
        ["status"] = "active",
        ["url"] = "https://agewell.example.org/lunch",
        ["email"] = "hello@agewell.example.org",
        ["minimum_age"] = 65,
        ["last_modified"] = "2026-03-01T10:00:00Z",
        ["organization"] = new JsonObject { ["id"] = Id2, ["name"] = "Age Well", ["description"] = "Help for older people." },
    };

    [Test]
    public void A_valid_service_satisfies_it() =>
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", FullService(), id: Id1))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [TestCase("email", "email-example_com", "email")]
    [TestCase("url", "example_counselling", "uri")]
    [TestCase("id", "not-a-uuid", "uuid")]
    [TestCase("last_modified", "yesterday", "date-time")]
    public void A_value_outside_its_format_violates_it(string field, string value, string format)
    {
        var service = FullService();
        service[field] = value;
        var finding = Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain($"/{field}").And.Contain(format));
    }

    [Test]
    public void A_missing_required_field_deep_in_the_record_violates_it()
    {
        var service = FullService();
        ((JsonObject)service["organization"]!).Remove("description");
        var finding = Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("/organization"));
    }

    [Test]
    public void An_enum_value_outside_the_list_violates_it()
    {
        var service = FullService();
        service["status"] = "open";
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1))).Kind,
            Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void A_body_that_is_not_json_violates_it() =>
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item, Raw("/services/x", "<html>"u8.ToArray(), id: Id1))).Message,
            Does.Contain("not valid JSON"));

    [Test]
    public void Extra_properties_and_non_ascii_text_are_allowed()
    {
        var service = FullService();
        service["x_vendor_note"] = "Ceòl agus còmhradh — ☕";
        service["name"] = "Caffi Cymraeg: sgwrs a phaned";
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1))).Kind,
            Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void Every_page_of_a_list_is_validated()
    {
        var good = Page(1, 2, 2, Service(Id1));
        var bad = Page(2, 2, 2, Service("broken-id"));
        var finding = Single(_check, Run("/services", OperationRole.List,
            JsonExchange("/services", good, page: 1), JsonExchange("/services", bad, page: 2)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("/contents/0/id"));
        Assert.That(finding.Evidence!.Page, Is.EqualTo(2));
    }
}
