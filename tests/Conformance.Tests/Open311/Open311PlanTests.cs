using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Open311;

/// <summary>Every endpoint is planned once per format; JSON, being optional, makes its endpoints optional.</summary>
public class Open311PlanTests
{
    [Test]
    public void Each_read_is_planned_in_xml_and_json_and_ids_come_from_the_list_in_the_same_format()
    {
        var plan = Planner.Plan(Open311Fixtures.Spec, Open311Fixtures.Profile);
        var byId = plan.ToDictionary(c => c.Operation.Id);
        Assert.Multiple(() =>
        {
            Assert.That(byId["GET /services.xml"].Tier, Is.EqualTo(Tier.Required));
            Assert.That(byId["GET /services.json"].Tier, Is.EqualTo(Tier.Optional), "JSON is optional");
            Assert.That(byId["GET /services/{service_code}.xml"].IdSource, Is.EqualTo("/services.xml"));
            Assert.That(byId["GET /requests/{service_request_id}.json"].IdSource, Is.EqualTo("/requests.json"));
            Assert.That(byId["GET /discovery.xml"].Role, Is.EqualTo(OperationRole.Discovery));
            Assert.That(byId["GET /tokens/{token_id}.xml"].SkipReason, Does.Contain("path_parameters"));
            Assert.That(byId["POST /requests.xml"].SkipReason, Does.Contain("is a write"));
            Assert.That(plan.Select(c => c.Operation.Path), Has.None.Contain("{response_format}"));
        });
    }

    [Test]
    public void A_write_is_planned_only_when_allowed_and_only_once()
    {
        var closed = Planner.Plan(Open311Fixtures.Spec, Open311Fixtures.Profile).ToDictionary(c => c.Operation.Id);
        Assert.That(closed["POST /requests.xml"].SkipReason, Does.Contain("--allow-writes").And.Contain("environment is test"));
        var open = Planner.Plan(Open311Fixtures.Spec, Open311Fixtures.Profile, allowWrites: true).ToDictionary(c => c.Operation.Id);
        Assert.That(open["POST /requests.xml"].Role, Is.EqualTo(OperationRole.Write));
        Assert.That(open["POST /requests.xml"].SkipReason, Is.Null);
        Assert.That(open["POST /requests.json"].SkipReason, Does.Contain("One write is enough"));
        Assert.That(open.Values.Last().Role, Is.EqualTo(OperationRole.Write), "writes come last: they take values from the lists");
    }

    [TestCase("/services/{service_code}.xml", "/services.xml")]
    [TestCase("/services/{id}", "/services")]
    [TestCase("/a/{b}/c/{d}.json", null)]
    public void The_list_above_an_item_keeps_its_extension(string path, string? parent) =>
        Assert.That(TargetUrls.ParentList(path), Is.EqualTo(parent));

    [Test]
    public void Errata_can_move_a_wrongly_named_path()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse("""{"paths":{"/request/{id}":{"get":{}}}}""")!;
        var erratum = new Erratum
        {
            Id = "T-E1", Title = "t", Reason = "r", Source = "s",
            Edits = [new ErratumEdit("/paths/~1request~1{id}", null, null, MoveTo: "/paths/~1requests~1{id}")],
        };
        var diagnostics = Conformance.Specs.ErrataApplier.Apply(root, [erratum]).ToList();
        Assert.That(root["paths"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "/requests/{id}" }));
        Assert.That(diagnostics.Single().Message, Does.StartWith("Erratum T-E1 applied"));
        var again = Conformance.Specs.ErrataApplier.Apply(root, [erratum]).Single();
        Assert.That(again.Message, Does.Contain("not applied"), "a document that already has the fix is left alone");
    }
}
