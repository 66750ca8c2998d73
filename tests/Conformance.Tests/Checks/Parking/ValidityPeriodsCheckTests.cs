using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>validity-periods: wherever an object holds a period's two fields, the start comes first.</summary>
public class ValidityPeriodsCheckTests
{
    private readonly ValidityPeriodsCheck _check = new();

    private static JsonObject Spec(string start, string end) => new()
    {
        ["id"] = "rs-resident-h1", ["version"] = 1,
        ["validity"] = new JsonObject { ["validityTimeSpecification"] = new JsonObject { ["overallStartTime"] = start, ["overallEndTime"] = end } },
    };

    private Finding Judge(params JsonObject[] specs) =>
        Judged(_check, Run("/rights/specs", OperationRole.List, Read("/rights/specs", Page(1, specs.Length, specs))));

    [Test]
    public void Periods_that_start_before_they_end_satisfy_it()
    {
        var finding = Judge(Spec("2026-04-01T00:00:00Z", "2027-03-31T23:59:59+01:00"), Spec("2026-04-01T00:00:00+01:00", "2026-03-31T23:30:00Z"));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), "compared as instants: 00:00+01:00 is 23:00 the day before");
        Assert.That(finding.Message, Does.StartWith("2 period(s)"));
    }

    [Test]
    public void A_period_that_ends_before_it_starts_violates_it()
    {
        var finding = Judge(Spec("2027-03-31T23:59:59Z", "2026-04-01T00:00:00Z"));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("validity.validityTimeSpecification.overallStartTime is after validity.validityTimeSpecification.overallEndTime"));
    }

    [Test]
    public void A_date_time_without_a_zone_is_left_to_the_other_checks() =>
        Assert.That(_check.Evaluate(Run("/rights/specs", OperationRole.List, Read("/rights/specs", Page(1, 1, Spec("2027-03-31T23:59:59", "2026-04-01T00:00:00")))), Context),
            Is.Empty);
}
