using Conformance.Checks;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Running;

public class VerdictTests
{
    [TestCase(FindingKind.Violated, Level.Must, Tier.Required, Outcome.Fail)]
    [TestCase(FindingKind.Violated, Level.Must, Tier.Optional, Outcome.Warning)]
    [TestCase(FindingKind.Violated, Level.Should, Tier.Required, Outcome.Warning)]
    [TestCase(FindingKind.Violated, Level.May, Tier.Required, Outcome.Warning)]
    [TestCase(FindingKind.Satisfied, Level.Must, Tier.Required, Outcome.Pass)]
    [TestCase(FindingKind.Skipped, Level.Must, Tier.Required, Outcome.Skipped)]
    [TestCase(FindingKind.Error, Level.Must, Tier.Required, Outcome.Error)]
    public void Only_a_broken_must_on_a_required_endpoint_fails(FindingKind kind, Level level, Tier tier, Outcome expected) =>
        Assert.That(Verdict.OutcomeOf(kind, level, tier), Is.EqualTo(expected));

    private static CheckResult Result(Outcome outcome, Tier tier = Tier.Required, string check = "endpoint-answers", string operation = "GET /") =>
        new(check, "X/c", Level.Must, operation, tier, outcome, "m", [], null);

    [Test]
    public void The_run_verdict_follows_the_worst_result()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdict.Of([Result(Outcome.Pass), Result(Outcome.Skipped, Tier.Optional)], null), Is.EqualTo(Verdict.Pass));
            Assert.That(Verdict.Of([Result(Outcome.Pass), Result(Outcome.Skipped, check: "jurisdiction-errors")], null), Is.EqualTo(Verdict.Pass),
                "a check that does not apply leaves nothing untested");
            Assert.That(Verdict.Of([Result(Outcome.Pass), Result(Outcome.Warning)], null), Is.EqualTo(Verdict.PassWithWarnings));
            Assert.That(Verdict.Of([Result(Outcome.Warning), Result(Outcome.Fail)], null), Is.EqualTo(Verdict.Fail));
            Assert.That(Verdict.Of([Result(Outcome.Error, Tier.Optional)], null), Is.EqualTo(Verdict.PassWithWarnings),
                "an optional endpoint it could not judge does not sink the run, nor is it a clean pass");
            Assert.That(Verdict.Of([Result(Outcome.Error)], null), Is.EqualTo(Verdict.Error));
            Assert.That(Verdict.Of([Result(Outcome.Fail)], "cancelled"), Is.EqualTo(Verdict.Error), "a cut-short run neither certifies nor condemns");
        });
    }

    private static OperationCoverage Covered(Tier tier, string? gap) => new("GET /services", tier, 1, 1, 0, 0, gap);

    [Test]
    public void A_required_part_left_uncovered_makes_the_run_inconclusive_unless_something_failed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verdict.Of([Result(Outcome.Pass)], null, [Covered(Tier.Required, "no record was validated")]), Is.EqualTo(Verdict.Inconclusive));
            Assert.That(Verdict.Of([Result(Outcome.Pass)], null, [Covered(Tier.Optional, "no record was validated")]), Is.EqualTo(Verdict.Pass),
                "an optional endpoint's gap does not hold back the verdict");
            Assert.That(Verdict.Of([Result(Outcome.Fail)], null, [Covered(Tier.Required, "never answered")]), Is.EqualTo(Verdict.Fail),
                "a proven failure stands whatever else could not be covered");
            Assert.That(Verdict.Of([Result(Outcome.Pass)], null, [Covered(Tier.Required, null)]), Is.EqualTo(Verdict.Pass));
            Assert.That(Verdict.ExitCode(Verdict.Inconclusive), Is.EqualTo(3));
        });
    }

    [TestCase(Verdict.Pass, 0)]
    [TestCase(Verdict.PassWithWarnings, 0)]
    [TestCase(Verdict.Fail, 1)]
    [TestCase(Verdict.Error, 3)]
    public void Exit_codes(string verdict, int code) => Assert.That(Verdict.ExitCode(verdict), Is.EqualTo(code));
}
