using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
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
        Assert.That(finding.Message, Does.StartWith($"{field} must be").And.Contain($"found \"{value}\""), "the field, in plain words, and the value found");
        Assert.That(finding.Details, Has.Some.Contains($"at /{field}: format:").And.Contain(format), "the evidence keeps the pointer and the keyword");
    }

    [Test]
    public void A_missing_required_field_deep_in_the_record_violates_it()
    {
        var service = FullService();
        ((JsonObject)service["organization"]!).Remove("description");
        var finding = Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.StartWith("organization.description is missing"));
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
    public void A_body_that_is_not_json_violates_it_in_plain_words_and_keeps_the_parsers_for_the_evidence()
    {
        var broken = Single(_check, Run("/services/{id}", OperationRole.Item, Raw("/services/x", "{\"id\": oops}"u8.ToArray(), id: Id1)));
        Assert.That(broken.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(broken.Message, Does.StartWith("the body is not valid JSON").And.Not.Contain("LineNumber"));
        Assert.That(broken.Details, Has.Some.Contain("LineNumber"), "the parser's words are evidence");
        var page = Single(_check, Run("/services/{id}", OperationRole.Item, Raw("/services/x", "<html>"u8.ToArray(), id: Id1)));
        Assert.That(page.Message, Does.StartWith("the body is a web page (HTML), not JSON").And.Not.Contain("invalid start of a value"));
        Assert.That(page.Details, Has.Some.Contain("'<' is an invalid start of a value"));
    }

    [Test]
    public void Text_that_is_no_text_is_told_in_the_harness_s_own_plain_sentence()
    {
        byte[] latin1 = [.. "{\"id\": \"caf"u8, 0xE9, .. "\"}"u8];
        Assert.That(Single(_check, Run("/services/{id}", OperationRole.Item, Raw("/services/x", latin1, id: Id1))).Message,
            Does.Contain("the body is not valid UTF-8").And.Not.Contain("not valid JSON"));
        var lone = Single(_check, Run("/services/{id}", OperationRole.Item, Raw("/services/x", "{\"id\": \"caf\\ud800\"}"u8.ToArray(), id: Id1)));
        Assert.That(lone.Message, Does.Contain("\\ud800, half of a UTF-16 surrogate pair alone"));
    }

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
        Assert.That(finding.Message, Does.StartWith("id must be a UUID").And.Contain("(in 1 of 2 records)"));
        Assert.That(finding.Details, Has.Some.Contains("at /contents/0/id"));
        Assert.That(finding.Evidence!.Purpose, Is.EqualTo("page 2"));
    }

    [Test]
    public void Problems_are_grouped_by_rule_and_field_with_counts_and_none_is_hidden()
    {
        var records = Enumerable.Range(1, 3).Select(i =>
        {
            var service = Service($"0d2a8a6e-54a6-4c09-8e0f-3a8f5e2d1c0{i}");
            service["last_modified"] = "2026-03-01T10:00:00"; // no time zone, in every record
            if (i == 2) service["email"] = "nobody"; // a second rule, in one record only
            return service;
        }).ToArray();
        var finding = Single(_check, Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 1, 3, records), page: 1)));
        Assert.That(finding.Message, Does.StartWith("2 problems: (1) last_modified must be a date and time"));
        Assert.That(finding.Message, Does.Contain("found \"2026-03-01T10:00:00\" (add a time zone: Z or +01:00) (in 3 of 3 records)"));
        Assert.That(finding.Message, Does.Contain("(2) email must be an e-mail address; found \"nobody\"").And.Contain("(in 1 of 3 records)"));
        Assert.That(finding.Message, Does.Not.Contain("more"), "no distinct rule hides behind \"and N more\"");
        Assert.That(finding.Details, Has.Count.EqualTo(4), "every occurrence is kept as evidence");
    }

    [Test]
    public void A_null_in_a_field_that_is_not_nullable_names_the_field_and_the_null()
    {
        var service = FullService();
        service["url"] = null;
        var finding = Single(_check, Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1)));
        Assert.That(finding.Message, Does.StartWith("url must be text; found null"));
    }

    [Test]
    public void A_secret_echoed_as_a_bad_value_is_masked_before_it_is_shortened()
    {
        var secret = "sk_live_" + new string('Q', 28) + "0123456789ABCDEFGHIJKLMNOPQRSTUV"; // 68 characters
        var service = FullService();
        service["minimum_age"] = secret; // a number is expected: the finding shows the value found
        var run = Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", service, id: Id1));
        var finding = _check.Evaluate(run, Context with { Secrets = [secret] }).Single();
        Assert.That(finding.Message, Does.Contain("found \"***\"").And.Not.Contain("sk_live_QQQQ"));
        Assert.That(finding.Message + string.Join("", finding.Details), Does.Not.Contain("0123456789"));
    }
}
