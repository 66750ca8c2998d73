using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using Tier = Conformance.Standards.Tier;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class DeclaredNotImplementedCheckTests
{
    private readonly DeclaredNotImplementedCheck _check = new();

    private OperationRun Declared(int status, JsonNode body) =>
        new(Operation("/taxonomies"), Tier.Required, OperationRole.Other,
            [JsonExchange("/taxonomies", body, status: status).For(_check)], DeclaredAbsent: true);

    [TestCase(404)]
    [TestCase(410)]
    [TestCase(501)]
    public void A_proper_refusal_satisfies_it(int status) =>
        Assert.That(Single(_check, Declared(status, new JsonObject())).Kind, Is.EqualTo(FindingKind.Satisfied));

    [TestCase(500, "answered 500")]
    [TestCase(200, "although the vendor declares it not implemented")]
    [TestCase(403, "answered 403")]
    public void A_server_error_or_a_success_violates_it(int status, string expected)
    {
        var finding = Single(_check, Declared(status, Page(1, 0, 0)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain(expected));
    }

    [Test]
    public void Other_checks_leave_the_refusal_alone()
    {
        var run = Declared(500, new JsonObject());
        Assert.That(new EndpointAnswersCheck().Evaluate(run, Context), Is.Empty);
        Assert.That(new NoServerErrorCheck().Evaluate(run, Context), Is.Empty);
    }

    [Test]
    public void Declarations_change_the_plan()
    {
        var plan = Planner.Plan(Fixtures.Spec, Fixtures.Profile, features: new Dictionary<string, Conformance.Vendors.FeatureState>
        {
            ["/taxonomies"] = Conformance.Vendors.FeatureState.NotImplemented, ["/taxonomy_terms"] = Conformance.Vendors.FeatureState.Implemented,
            ["/service_at_locations"] = Conformance.Vendors.FeatureState.Unknown,
        }).ToDictionary(c => c.Operation.Id);
        Assert.Multiple(() =>
        {
            Assert.That(plan["GET /taxonomies"].DeclaredAbsent, Is.True);
            Assert.That(plan["GET /taxonomy_terms"].Tier, Is.EqualTo(Tier.Required), "declared implemented: held to the required bar");
            Assert.That(plan["GET /service_at_locations"].Tier, Is.EqualTo(Tier.Optional));
        });
    }
}
