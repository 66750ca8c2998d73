using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

/// <summary>Old assurance dates are information for the publisher, never a fault.</summary>
public class DataFreshnessCheckTests
{
    private readonly DataFreshnessCheck _check = new() { Today = () => new DateOnly(2026, 11, 28) };

    private static OperationRun Assured(string date) =>
        Run("/services/{id}", OperationRole.Item, JsonExchange("/services/{id}", Service(Id1).Apply(s => s["assured_date"] = date), id: Id1));

    [Test]
    public void A_recent_assurance_satisfies_it() =>
        Assert.That(Single(_check, Assured("2026-10-01")).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_old_assurance_is_information_that_does_not_touch_the_verdict()
    {
        var finding = Single(_check, Assured("2026-01-01"));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Info));
        Assert.That(finding.Details, Has.Some.Contains("assured_date 2026-01-01"));
        var outcome = Verdict.OutcomeOf(finding.Kind, Conformance.Standards.Level.Should, Conformance.Standards.Tier.Required);
        Assert.That(outcome, Is.EqualTo(Outcome.Info));
        Assert.That(Verdict.Of([new CheckResult("data-freshness", "ORUK-3.0/data-freshness", Conformance.Standards.Level.Should, "GET /services/{id}",
            Conformance.Standards.Tier.Required, outcome, "old", [], null)], null), Is.EqualTo(Verdict.Pass));
    }
}
