using Conformance.NUnit;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Conformance.Tests.Suites;

/// <summary>
/// Suites of a client built as NUnit builds them, without running them (the fixtures have no [TestFixture]): the stand-in
/// started, the fixture's client driven at it, one test per result and a verdict, as a server's suite.
/// </summary>
public class ClientSuiteBuildTests
{
    [StandInScenario("open311-georeport-v2", "report-a-problem")]
    public sealed class GoodClient : ClientSuite
    {
        protected override Task DriveAsync(StandIn standIn, CancellationToken cancel) =>
            new Open311Client().RunAsync(new StandInAddress(standIn.Url, standIn.Credentials, standIn.Values), cancel);
    }

    [StandInScenario("open311-georeport-v2")]
    public sealed class ClientWithoutKey : ClientSuite
    {
        protected override Task DriveAsync(StandIn standIn, CancellationToken cancel) =>
            new Open311Client { SendsApiKey = false }.RunAsync(new StandInAddress(standIn.Url, standIn.Credentials, standIn.Values), cancel);
    }

    [StandInScenario("open311-georeport-v2")]
    public sealed class ClientThatThrows : ClientSuite
    {
        protected override async Task DriveAsync(StandIn standIn, CancellationToken cancel)
        {
            await new HttpClient().GetAsync(new Uri(standIn.Url, "services.json"), cancel);
            throw new InvalidOperationException("the client's own bug");
        }
    }

    [StandInScenario("open311-georeport-v2", "no-such-scenario")]
    public sealed class UnknownScenario : ClientSuite
    {
        protected override Task DriveAsync(StandIn standIn, CancellationToken cancel) => Task.CompletedTask;
    }

    public sealed class Unnamed : ClientSuite
    {
        protected override Task DriveAsync(StandIn standIn, CancellationToken cancel) => Task.CompletedTask;
    }

    private static List<TestMethod> Build<TFixture>() =>
        new DefaultSuiteBuilder().BuildFrom(new TypeWrapper(typeof(TFixture))).Tests.Cast<ParameterizedMethodSuite>().Single().Tests.Cast<TestMethod>().ToList();

    private static SuiteTest ArgumentOf(TestMethod test) => (SuiteTest)test.Arguments.Single()!;

    [Test]
    public void A_good_client_becomes_one_passing_test_per_result_and_a_passing_verdict()
    {
        var tests = Build<GoodClient>();
        var run = ((VerdictTest)ArgumentOf(tests[^1])).Run;
        Assert.That(run.Verdict, Is.EqualTo(Verdict.Pass));
        Assert.That(tests.Select(t => t.Name), Is.EqualTo(run.Results.Select(ResultTest.NameOf).Append("Verdict")));
        Assert.That(tests.Select(t => ArgumentOf(t).Conclusion.Status), Is.All.EqualTo(TestStatus.Passed));
        var post = tests.First(t => t.Name == "Open311/client-api-key · POST /requests.{response_format} · request-auth");
        Assert.That(post.Properties.Get("Check"), Is.EqualTo("request-auth"));
        Assert.That(ArgumentOf(tests[^1]).Conclusion.Message, Does.Contain("Client: a reporting client, playing report-a-problem"));
    }

    [Test]
    public void A_defective_client_fails_its_test_and_the_verdict_with_the_evidence_of_its_request()
    {
        var tests = Build<ClientWithoutKey>();
        var failed = tests.Where(t => ArgumentOf(t).Conclusion.Status == TestStatus.Failed).Select(t => t.Name).ToList();
        Assert.That(failed, Is.EqualTo(new[] { "Open311/client-api-key · POST /requests.{response_format} · request-auth", "Verdict" }));
        var message = ArgumentOf(tests.First(t => t.Name.EndsWith("request-auth"))).Conclusion.Message;
        Assert.That(message, Does.Contain("api_key is missing").And.Contain("Request body: service_code=pothole"));
        Assert.That(tests.Where(t => ArgumentOf(t).Conclusion.Status == TestStatus.Skipped).Select(t => t.Name),
            Is.EquivalentTo(new[] { "Open311/client-scenario · step post · scenario-complete", "Open311/client-scenario · step read-back · scenario-complete" }));
    }

    [Test]
    public void A_client_that_throws_is_judged_on_what_it_sent_and_never_passes()
    {
        var verdict = (VerdictTest)ArgumentOf(Build<ClientThatThrows>()[^1]);
        Assert.That(verdict.Run.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(verdict.Conclusion.Status, Is.EqualTo(TestStatus.Failed));
        Assert.That(verdict.Conclusion.Message, Does.Contain("the client threw InvalidOperationException: the client's own bug"));
    }

    [Test]
    public void A_suite_that_cannot_start_has_one_failing_verdict_saying_why()
    {
        Assert.That(ArgumentOf(Build<UnknownScenario>().Single()).Conclusion.Message, Does.Contain("has no scenario 'no-such-scenario'"));
        Assert.That(ArgumentOf(Build<Unnamed>().Single()).Conclusion, Is.EqualTo((TestStatus.Failed, "Verdict: no run. No stand-in: mark the fixture [StandInScenario(\"standard-id\", \"scenario\")].")));
    }
}
