using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Open311.Open311Fixtures;

namespace Conformance.Tests.Open311;

/// <summary>Rules of the GeoReport text about a service definition's attributes, each shown passing and failing.</summary>
public class ServiceDefinitionChecksTests
{
    private const string DefinitionPath = "/services/{service_code}.{response_format}";

    private static string Attribute(string code, string datatype, string? order, string? values = null) =>
        $"<attribute><variable>true</variable><code>{code}</code><datatype>{datatype}</datatype><required>false</required>"
        + (order is null ? "" : $"<order>{order}</order>") + (values is null ? "" : $"<values>{values}</values>") + "</attribute>";

    private static OperationRun Definition(params string[] attributes) => Run(DefinitionPath, XmlFormat, OperationRole.Item,
        Exchange(Operation(DefinitionPath, XmlFormat), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <service_definition><service_code>pothole</service_code><attributes>{string.Concat(attributes)}</attributes></service_definition>
            """, XmlFormat, id: "pothole"));

    private const string Choices = "<value><key>deep</key><name>Deep</name></value>";

    [Test]
    public void Attributes_each_with_their_own_order_satisfy_the_order_check() =>
        Assert.That(new AttributeOrderUniqueCheck().Evaluate(Definition(Attribute("depth", "string", "1"), Attribute("lane", "text", "2"),
            Attribute("note", "text", null), Attribute("seen", "datetime", null)), Context).Single().Kind, Is.EqualTo(FindingKind.Satisfied),
            "attributes without an order share nothing");

    [TestCase("1", "1")]
    [TestCase("2", "+02")]
    public void Two_attributes_with_one_order_violate_it(string first, string second)
    {
        var finding = new AttributeOrderUniqueCheck().Evaluate(Definition(Attribute("depth", "string", first), Attribute("lane", "text", second)), Context).Single();
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("pothole").And.Contain("depth").And.Contain("lane"));
    }

    [Test]
    public void List_attributes_with_choices_satisfy_the_values_check() =>
        Assert.That(new ListAttributeValuesCheck().Evaluate(Definition(Attribute("depth", "singlevaluelist", "1", Choices),
            Attribute("fault", "multivaluelist", "2", Choices), Attribute("lane", "string", "3")), Context).Single().Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase("singlevaluelist", null)]
    [TestCase("multivaluelist", "")]
    public void A_list_attribute_without_choices_violates_it(string datatype, string? values)
    {
        var finding = new ListAttributeValuesCheck().Evaluate(Definition(Attribute("depth", datatype, "1", values)), Context).Single();
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("pothole").And.Contain("depth").And.Contain(datatype));
    }

    [Test]
    public void Records_without_attributes_are_not_theirs_to_judge()
    {
        var run = Run("/services.{response_format}", XmlFormat, OperationRole.Other, Exchange(Operation("/services.{response_format}", XmlFormat), Services, XmlFormat));
        Assert.That(new AttributeOrderUniqueCheck().Evaluate(run, Context), Is.Empty);
        Assert.That(new ListAttributeValuesCheck().Evaluate(run, Context), Is.Empty);
    }
}
