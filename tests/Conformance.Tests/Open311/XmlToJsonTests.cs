using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Tests.Open311;

/// <summary>XML bodies are read as the JSON the same schema describes, so both formats are judged alike.</summary>
public class XmlToJsonTests
{
    private static JsonNode? Read(string template, string xml, int status = 200)
    {
        var operation = Open311Fixtures.Operation(template, Open311Fixtures.XmlFormat);
        var (node, error, _) = XmlBody.Read(System.Text.Encoding.UTF8.GetBytes(xml), new XmlShape(Open311Fixtures.Spec.Root, operation), status);
        Assert.That(error, Is.Null);
        return node;
    }

    [Test]
    public void A_list_becomes_an_array_with_typed_values_and_empty_elements_left_out()
    {
        var services = Read("/services.{response_format}", Open311Fixtures.Services)!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(services, Has.Count.EqualTo(2));
            Assert.That(services[0]!["metadata"]!.GetValue<bool>(), Is.True, "a boolean field is read as a boolean");
            Assert.That(services[1]!["service_code"]!.GetValue<string>(), Is.EqualTo("42"), "a string field stays text even when it looks like a number");
            Assert.That(services[0]!.AsObject().ContainsKey("keywords"), Is.False, "an empty element means no value");
            Assert.That(services[1]!["service_name"]!.GetValue<string>(), Is.EqualTo("Café bins"));
        });
    }

    [Test]
    public void A_list_of_one_is_still_a_list()
    {
        var requests = Read("/requests/{service_request_id}.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <service_requests><request><service_request_id>HB-1</service_request_id><status>open</status><service_code>pothole</service_code>
            <requested_datetime>2026-09-01T08:00:00Z</requested_datetime><lat>50.7</lat><long>-1.9</long></request></service_requests>
            """);
        Assert.That(requests, Is.InstanceOf<JsonArray>());
        Assert.That(requests![0]!["lat"]!.GetValue<double>(), Is.EqualTo(50.7));
        Assert.That(requests[0]!["long"]!.GetValue<double>(), Is.EqualTo(-1.9));
    }

    [Test]
    public void Nested_lists_follow_the_schema_whatever_their_element_names()
    {
        var definition = Read("/services/{service_code}.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <service_definition><service_code>pothole</service_code><attributes>
              <attribute><variable>true</variable><code>depth</code><datatype>singlevaluelist</datatype><required>true</required><order>1</order>
                <values><value><key>deep</key><name>Deep</name></value></values></attribute>
            </attributes></service_definition>
            """)!;
        Assert.That(definition["attributes"]![0]!["values"]![0]!["key"]!.GetValue<string>(), Is.EqualTo("deep"));
        Assert.That(definition["attributes"]![0]!["order"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public void Text_where_a_number_belongs_stays_text_so_the_schema_can_say_so()
    {
        var requests = Read("/requests.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <service_requests><request><lat>north</lat></request></service_requests>
            """)!;
        Assert.That(requests[0]!["lat"]!.GetValue<string>(), Is.EqualTo("north"));
    }

    [Test]
    public void Xml_schema_spellings_of_numbers_and_booleans_are_read_as_such()
    {
        var services = Read("/services.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <services><service><service_code>a</service_code><service_name>A</service_name><type>batch</type><metadata> 1 </metadata></service></services>
            """)!;
        Assert.That(services[0]!["metadata"]!.GetValue<bool>(), Is.True);
        var requests = Read("/requests.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <service_requests><request><lat>+037.50</lat><long> .5 </long></request></service_requests>
            """)!;
        Assert.That(requests[0]!["lat"]!.GetValue<double>(), Is.EqualTo(37.5));
        Assert.That(requests[0]!["long"]!.GetValue<double>(), Is.EqualTo(0.5));
    }

    [Test]
    public void An_empty_optional_element_is_an_empty_string_where_null_is_not_allowed_and_absent_where_it_is()
    {
        var discovery = Read("/discovery.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <discovery><contact></contact><endpoints/></discovery>
            """)!;
        Assert.That(discovery["contact"]!.GetValue<string>(), Is.EqualTo(""), "contact is optional and may not be null: empty text it is");
        var services = Read("/services.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <services><service><service_code>a</service_code><service_name>A</service_name><description/><type>batch</type></service></services>
            """)!;
        Assert.That(services[0]!.AsObject().ContainsKey("description"), Is.False, "description may be null (E5): no value");
    }

    [Test]
    public void An_empty_element_for_a_required_field_is_missing()
    {
        var requests = Read("/requests.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <service_requests><request><service_request_id/><status>open</status><service_code>pothole</service_code>
            <requested_datetime>2026-09-01T08:00:00Z</requested_datetime></request></service_requests>
            """)!;
        Assert.That(requests[0]!.AsObject().ContainsKey("service_request_id"), Is.False, "a required field given no value is not given");
    }

    [Test]
    public void Text_where_a_list_belongs_stays_text_so_the_schema_can_refuse_it()
    {
        var definition = Read("/services/{service_code}.{response_format}", """
            <?xml version="1.0" encoding="UTF-8"?>
            <service_definition><service_code>a</service_code><attributes>see our website</attributes></service_definition>
            """)!;
        Assert.That(definition["attributes"]!.GetValue<string>(), Is.EqualTo("see our website"));
    }

    [Test]
    public void Xml_nested_beyond_the_limit_is_refused_with_a_reason()
    {
        var deep = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><services>" + string.Concat(Enumerable.Repeat("<a>", 5000))
                   + string.Concat(Enumerable.Repeat("</a>", 5000)) + "</services>";
        var operation = Open311Fixtures.Operation("/services.{response_format}", Open311Fixtures.XmlFormat);
        var exchange = Open311Fixtures.Exchange(operation, deep, Open311Fixtures.XmlFormat);
        Assert.That(exchange.Json.Node, Is.Null);
        Assert.That(exchange.Json.Error, Does.Contain("deeper than"));
        var shallow = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><services>" + string.Concat(Enumerable.Repeat("<a>", 150))
                      + string.Concat(Enumerable.Repeat("</a>", 150)) + "</services>";
        Assert.That(Open311Fixtures.Exchange(operation, shallow, Open311Fixtures.XmlFormat).Json.Error, Is.Null, "150 levels are read");
    }

    [TestCase("<services><service>", "well-formed")]
    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><services>&e;</services>", "DTD")]
    [TestCase("not xml at all", "well-formed")]
    public void Broken_or_hostile_xml_gives_a_reason_not_an_exception(string xml, string expected)
    {
        var operation = Open311Fixtures.Operation("/services.{response_format}", Open311Fixtures.XmlFormat);
        var (node, error, refused) = XmlBody.Read(System.Text.Encoding.UTF8.GetBytes(xml), new XmlShape(Open311Fixtures.Spec.Root, operation), 200);
        Assert.That(node, Is.Null);
        Assert.That(error, Does.Contain(expected));
        Assert.That(refused, Is.EqualTo(expected == "DTD"), "only a DTD is the harness's own refusal");
    }

    [TestCase("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>", true)]
    [TestCase("<?xml version='1.0' encoding='utf-8'?><x/>", true)]
    [TestCase("<?xml version=\"1.0\"?><x/>", false)]
    [TestCase("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x/>", false)]
    [TestCase("<x/>", false)]
    public void The_declaration_must_name_utf8(string xml, bool declares) =>
        Assert.That(XmlBody.DeclaresUtf8(System.Text.Encoding.UTF8.GetBytes(xml)), Is.EqualTo(declares));
}
