using Conformance.NUnit;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Vendors;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Conformance.Tests.Suites;

/// <summary>
/// Suites built as NUnit builds them, without running them: the fixtures below have no [TestFixture], so this assembly's
/// own run does not pick them up.
/// </summary>
public class SuiteBuildTests
{
    private const string Profile = "Suites/oruk-3.0-reference.yaml";

    [ConformanceProfile(Profile)]
    public sealed class ReferenceSuite : ConformanceSuite;

    [ConformanceProfile(Profile), ConformanceHost(typeof(CountingHost))]
    public sealed class HostedSuite : ConformanceSuite;

    [ConformanceProfile(Profile), ConformanceHost(typeof(CountingHost))]
    public sealed class SecondHostedSuite : ConformanceSuite;

    public sealed class SuiteWithoutProfile : ConformanceSuite;

    [ConformanceProfile("Suites/absent.yaml")]
    public sealed class SuiteWithMissingProfile : ConformanceSuite;

    [ConformanceProfile(Profile), ConformanceHost(typeof(string))]
    public sealed class SuiteWithBadHost : ConformanceSuite;

    /// <summary>Serves the reference implementation, and counts how often it was started and stopped.</summary>
    public sealed class CountingHost : IConformanceHost
    {
        public static int Started;
        public static int Stopped;
        public static string? Url;

        public (Uri BaseUrl, IDisposable Running) Start(VendorProfile profile)
        {
            Interlocked.Increment(ref Started);
            var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), profile.Standard!);
            Url = server.Url;
            return (new Uri(server.Url), new Stop(server));
        }

        private sealed class Stop(IDisposable server) : IDisposable
        {
            public void Dispose()
            {
                server.Dispose();
                Interlocked.Increment(ref Stopped);
            }
        }
    }

    /// <summary>The tests of a fixture, as NUnit builds them: under the one method they all run.</summary>
    private static List<TestMethod> Build<TFixture>() =>
        new DefaultSuiteBuilder().BuildFrom(new TypeWrapper(typeof(TFixture))).Tests.Cast<ParameterizedMethodSuite>().Single().Tests.Cast<TestMethod>().ToList();

    private static SuiteTest ArgumentOf(TestMethod test) => (SuiteTest)test.Arguments.Single()!;

    [Test]
    public void A_profile_with_reference_true_becomes_one_test_per_result_and_a_verdict()
    {
        var tests = Build<ReferenceSuite>();
        var run = ((VerdictTest)ArgumentOf(tests[^1])).Run;
        Assert.Multiple(() =>
        {
            Assert.That(run.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(run.Target, Does.StartWith("http://127.0.0.1:"), "the built-in reference implementation, started for the run");
            Assert.That(tests.Select(t => t.Name), Is.EqualTo(run.Results.Select(ResultTest.NameOf).Append("Verdict")));
            Assert.That(tests.Select(t => t.RunState), Is.All.EqualTo(RunState.Runnable));
            var cors = tests.First(t => t.Name == "ORUK-3.0/cors · GET /services/{id} · cors-allow-origin");
            Assert.That(cors.Properties.Get("Clause"), Is.EqualTo("ORUK-3.0/cors"));
            Assert.That(cors.Properties.Get("Operation"), Is.EqualTo("GET /services/{id}"));
            Assert.That(cors.Properties.Get("Check"), Is.EqualTo("cors-allow-origin"));
            Assert.That(cors.Properties.Get("Level"), Is.EqualTo("MUST"));
            Assert.That(cors.Properties.Get("Tier"), Is.EqualTo("required"));
        });
    }

    [Test]
    public void Fixtures_naming_the_same_profile_and_host_share_one_run_and_the_host_is_stopped_after_it()
    {
        var first = Build<HostedSuite>();
        var second = Build<SecondHostedSuite>();
        var run = ((VerdictTest)ArgumentOf(first[^1])).Run;
        Assert.Multiple(() =>
        {
            Assert.That(((VerdictTest)ArgumentOf(second[^1])).Run, Is.SameAs(run));
            Assert.That(CountingHost.Started, Is.EqualTo(1));
            Assert.That(CountingHost.Stopped, Is.EqualTo(1), "the host is stopped once the run is over, before any test runs");
            Assert.That(run.Target, Is.EqualTo(CountingHost.Url + "/"), "the host's address replaces the profile's");
            Assert.That(second.Select(t => t.Name), Is.EqualTo(first.Select(t => t.Name)));
        });
    }

    [Test]
    public void A_suite_without_a_profile_has_one_failing_test_that_says_how_to_give_one()
    {
        if (Environment.GetEnvironmentVariable(ProfileSource.EnvironmentVariable) is not null || TestContext.Parameters.Exists(ProfileSource.RunSetting))
            Assert.Ignore("This test process names a profile of its own (CONFORMANCE_PROFILE or the run setting ConformanceProfile).");
        var test = Build<SuiteWithoutProfile>().Single();
        Assert.That(test.Name, Is.EqualTo("Verdict"));
        Assert.That(ArgumentOf(test).Conclusion, Is.EqualTo((TestStatus.Failed, $"Verdict: no run. {ProfileSource.Missing}")));
    }

    [Test]
    public void A_profile_that_cannot_be_run_gives_one_failing_test_that_says_why()
    {
        var missing = ArgumentOf(Build<SuiteWithMissingProfile>().Single()).Conclusion;
        Assert.That(missing.Status, Is.EqualTo(TestStatus.Failed));
        Assert.That(missing.Message, Does.StartWith("Verdict: no run. [ConformanceProfile] names ").And.Contain("absent.yaml' does not exist"));

        var badHost = ArgumentOf(Build<SuiteWithBadHost>().Single()).Conclusion;
        Assert.That(badHost.Message, Does.Contain("[ConformanceHost] names System.String, which is not an IConformanceHost"));
    }

    [Test]
    public void A_name_met_again_is_numbered_so_every_test_has_its_own()
    {
        var tests = ConformanceTestsAttribute.TestsOf(Runs.Of([Runs.Result(Outcome.Pass), Runs.Result(Outcome.Fail), Runs.Result(Outcome.Pass, check: "no-redirect")]));
        Assert.That(tests.Select(t => t.Name), Is.EqualTo(new[]
        {
            "ORUK-3.0/cors · GET /services · cors-allow-origin", "ORUK-3.0/cors · GET /services · cors-allow-origin #2",
            "ORUK-3.0/cors · GET /services · no-redirect", "Verdict",
        }));
    }
}
