using Conformance.Monitoring;
using static Conformance.Tests.Monitoring.MonitoringFixtures;

namespace Conformance.Tests.Monitoring;

/// <summary>What fails the job: --fail-on any or new, against a baseline or the previous night.</summary>
public class AssessmentTests
{
    private static readonly RecordedResult Cors = Result("cors-allow-origin", "fail");
    private static readonly RecordedResult Schema = Result("response-schema", "fail");

    private static Assessment Assess(RunRecord tonight, FailOn? failOn, Baseline? baseline = null, RunRecord? before = null) =>
        Assessment.Of([tonight], failOn, baseline, _ => before, _ => before?.Judged == true ? before : null);

    [Test]
    public void Any_counts_every_failure_and_is_the_default_without_a_baseline()
    {
        var tonight = Run("a", Night1.AddDays(1), "fail", Cors);
        var assessment = Assess(tonight, null, before: Run("a", Night1, "fail", Cors));
        Assert.That(assessment.FailOn, Is.EqualTo(FailOn.Any));
        Assert.That(assessment.CountedFailures.Select(f => f.Failure), Is.EqualTo(new[] { Cors }));
        Assert.That(assessment.Failed, Is.True);
    }

    [Test]
    public void New_without_a_baseline_counts_only_what_the_previous_judged_run_did_not_fail()
    {
        var assessment = Assess(Run("a", Night1.AddDays(1), "fail", Cors, Schema), FailOn.New, before: Run("a", Night1, "fail", Cors));
        Assert.That(assessment.CountedFailures.Select(f => f.Failure.Check), Is.EqualTo(new[] { "response-schema" }));
        Assert.That(assessment.KnownFailures.Select(f => f.Failure.Check), Is.EqualTo(new[] { "cors-allow-origin" }));
    }

    [Test]
    public void New_is_the_default_with_a_baseline_and_the_baseline_alone_says_what_is_known()
    {
        var baseline = new Baseline([new BaselineEntry("a", "cors-allow-origin", "ORUK-3.0/x", "GET /services")]);
        var assessment = Assess(Run("a", Night1.AddDays(1), "fail", Cors, Schema), null, baseline, before: Run("a", Night1, "fail", Schema));
        Assert.That(assessment.FailOn, Is.EqualTo(FailOn.New));
        Assert.That(assessment.CountedFailures.Select(f => f.Failure.Check), Is.EqualTo(new[] { "response-schema" }),
            "failing last night too does not make a failure known when a baseline is given");
        Assert.That(Assess(Run("a", Night1.AddDays(1), "fail", Cors), null, baseline).Failed, Is.False);
    }

    [Test]
    public void A_baseline_entry_must_match_target_check_clause_and_operation()
    {
        var tonight = Run("a", Night1, "fail", Cors);
        Assert.That(new Baseline([new BaselineEntry("b", Cors.Check, Cors.Clause, Cors.Operation)]).Covers(tonight, Cors), Is.False);
        Assert.That(new Baseline([new BaselineEntry("a", Cors.Check, Cors.Clause, "GET /taxonomies")]).Covers(tonight, Cors), Is.False);
        Assert.That(new Baseline([new BaselineEntry("a", Cors.Check, "ORUK-3.0/y", Cors.Operation)]).Covers(tonight, Cors), Is.False);
        Assert.That(new Baseline([new BaselineEntry(tonight.Url, Cors.Check, Cors.Clause, Cors.Operation)]).Covers(tonight, Cors), Is.True, "or by its URL");
    }

    [Test]
    public void Entries_no_longer_seen_are_reported_only_for_targets_judged_tonight()
    {
        var baseline = new Baseline([
            new BaselineEntry("a", "cors-allow-origin", "ORUK-3.0/x", "GET /services"),
            new BaselineEntry("timed-out", "cors-allow-origin", "ORUK-3.0/x", "GET /services"),
            new BaselineEntry("other-shard", "cors-allow-origin", "ORUK-3.0/x", "GET /services"),
        ]);
        var runs = new[] { Run("a", Night1, "pass"), Run("timed-out", Night1, "error") with { Status = TargetStatus.TimedOut } };
        Assert.That(baseline.NoLongerSeen(runs).Select(e => e.Target), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void A_target_that_cannot_be_judged_counts_under_new_only_when_it_could_be_judged_before()
    {
        var down = Run("a", Night1.AddDays(1), "error") with { Message = "could not be reached" };
        Assert.That(Assess(down, FailOn.Any, before: Run("a", Night1, "error")).CouldNotTest, Is.True);
        Assert.That(Assess(down, FailOn.New, before: Run("a", Night1, "error")).CouldNotTest, Is.False, "down two nights running is no news");
        Assert.That(Assess(down, FailOn.New, before: Run("a", Night1, "pass")).CouldNotTest, Is.True);
        Assert.That(Assess(down, FailOn.New).CouldNotTest, Is.True, "a first run that cannot be judged is news");
    }

    [Test]
    public void A_baseline_round_trips_through_its_file_and_a_bad_one_is_refused()
    {
        var file = Path.Combine(TempDir(), "baseline.json");
        Baseline.Write(file, [new BaselineEntry("a", "cors-allow-origin", "ORUK-3.0/x", "GET /services", "vendor fixing it in May")]);
        Assert.That(Baseline.Load(file).Entries.Single().Note, Is.EqualTo("vendor fixing it in May"));
        File.WriteAllText(file, """{"failures": [{"target": "a"}]}""");
        Assert.That(() => Baseline.Load(file), Throws.TypeOf<ConfigurationException>().With.Message.Contains("failures[0] needs"));
        File.WriteAllText(file, "{");
        Assert.That(() => Baseline.Load(file), Throws.TypeOf<ConfigurationException>().With.Message.Contains("is not JSON"));
    }
}
