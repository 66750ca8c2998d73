using Conformance.NUnit;
using Conformance.Running;
using Conformance.Standards;
using NUnit.Framework.Interfaces;

namespace Conformance.Tests.Suites;

/// <summary>The verdict test passes exactly when the CLI exits 0, and its message is the run's summary.</summary>
public class VerdictTestTests
{
    private static OperationCoverage Covered(string? gap) => new("GET /services", Tier.Required, 3, 3, gap is null ? 25 : 0, 0, gap);

    private static IEnumerable<TestCaseData> Verdicts()
    {
        yield return new TestCaseData(Runs.Of([Runs.Result(Outcome.Pass)]), TestStatus.Passed).SetArgDisplayNames(Verdict.Pass);
        yield return new TestCaseData(Runs.Of([Runs.Result(Outcome.Warning)]), TestStatus.Passed).SetArgDisplayNames(Verdict.PassWithWarnings);
        yield return new TestCaseData(Runs.Of([Runs.Result(Outcome.Fail)]), TestStatus.Failed).SetArgDisplayNames(Verdict.Fail);
        yield return new TestCaseData(Runs.Of([Runs.Result(Outcome.Pass)], coverage: [Covered("no record was validated")]), TestStatus.Failed)
            .SetArgDisplayNames(Verdict.Inconclusive);
        yield return new TestCaseData(Runs.Of([Runs.Result(Outcome.Pass)], aborted: "cancelled"), TestStatus.Failed).SetArgDisplayNames(Verdict.Error);
    }

    [TestCaseSource(nameof(Verdicts))]
    public void Passes_only_on_pass_or_pass_with_warnings(RunResult run, TestStatus status)
    {
        var (reported, message) = new VerdictTest(run).Conclusion;
        Assert.That(reported, Is.EqualTo(status));
        Assert.That(message, Does.StartWith($"Verdict: {run.Verdict}, Open Referral UK 3.0 at http://vendor.test/"));
    }

    [Test]
    public void The_message_holds_counts_coverage_gaps_manual_clauses_notes_and_the_seed()
    {
        var manual = new Clause { Id = "ORUK-3.0/https", Level = Level.Must, Statement = "The API is served over HTTPS.", Source = "uk-profile" };
        var run = Runs.Of([Runs.Result(Outcome.Pass), Runs.Result(Outcome.Warning), Runs.Result(Outcome.Skipped)],
            coverage: [Covered(null), Covered("no record was looked up") with { Operation = "GET /services/{id}" }], manual: [manual]);
        run.Notes.Add("--standard auto chose oruk-3.0");
        var (_, message) = new VerdictTest(run).Conclusion;
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("Results: 1 pass, 1 warning, 0 fail, 1 skipped, 0 error, 0 info; 7 requests"));
            Assert.That(message, Does.Contain("  GET /services (required): 3 sent, 3 answered, 25 records validated, 0 ids looked up\n"));
            Assert.That(message, Does.Contain("  GET /services/{id} (required): 3 sent, 3 answered, 0 records validated, 0 ids looked up; not covered: no record was looked up"));
            Assert.That(message, Does.Contain("No pass can rest on: GET /services/{id} (no record was looked up)"));
            Assert.That(message, Does.Contain("Check by hand: ORUK-3.0/https (MUST): The API is served over HTTPS."));
            Assert.That(message, Does.Contain("Note: --standard auto chose oruk-3.0"));
            Assert.That(message, Does.Contain("Seed: 4242 (conformance run --seed 4242 samples the same pages)"));
        });
    }

    [Test]
    public void Secrets_are_masked_in_the_summary()
    {
        var run = Runs.Of([Runs.Result(Outcome.Pass)], secrets: ["tok-987654"], aborted: "the server answered tok-987654 and hung up");
        Assert.That(new VerdictTest(run).Conclusion.Message, Does.Contain("Stopped early: the server answered ***").And.Not.Contain("tok-987654"));
    }
}
