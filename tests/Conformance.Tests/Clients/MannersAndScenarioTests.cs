using Conformance.Checks;
using Conformance.Clients;
using Conformance.Clients.Checks;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Clients;

/// <summary>
/// The manners a stand-in probes on purpose and the checks that judge what the client did next (on the session's own
/// timings, set here so nothing waits), and the scenario's steps: done, in order, naming what was created.
/// </summary>
public class MannersAndScenarioTests
{
    [Test]
    public void Under_load_the_first_request_for_the_list_gets_429_once_and_the_definition_503_for_a_while()
    {
        var manners = new Manners(ClientFixtures.Scenario("report-a-problem-under-load"));
        var first = manners.Decide("GET /services.{response_format}", TimeSpan.Zero)!.Value;
        Assert.That((first.Kind, first.Answer.Status), Is.EqualTo((MannerKind.RetryAfter, 429)));
        Assert.That(first.Answer.Headers, Does.Contain(new KeyValuePair<string, string>("Retry-After", "2")));
        Assert.That(manners.Decide("GET /services.{response_format}", TimeSpan.FromSeconds(1)), Is.Null, "once only");
        Assert.That(manners.Decide("GET /services/{service_code}.{response_format}", TimeSpan.FromSeconds(10))!.Value.Answer.Status, Is.EqualTo(503));
        Assert.That(manners.Decide("GET /services/{service_code}.{response_format}", TimeSpan.FromSeconds(12.9))!.Value.Answer.Status, Is.EqualTo(503));
        Assert.That(manners.Decide("GET /services/{service_code}.{response_format}", TimeSpan.FromSeconds(13)), Is.Null, "3 s from the first");
        Assert.That(manners.Decide("POST /requests.{response_format}", TimeSpan.FromSeconds(1)), Is.Null);
    }

    [Test]
    public void A_manner_the_stand_in_does_not_play_yet_is_refused_before_any_client_is_let_in()
    {
        var scenario = ClientFixtures.Scenario();
        var paging = new Scenario
        {
            Id = scenario.Id, Title = scenario.Title, Role = scenario.Role, Asks = scenario.Asks, Steps = scenario.Steps, Source = "x.yaml",
            Manners = [new Manner { Kind = MannerKind.Paging, Step = "services" }],
        };
        Assert.That(() => new Manners(paging), Throws.TypeOf<ConfigurationException>().With.Message.Contains("does not play the manner Paging"));
    }

    [TestCase(0.5, Outcome.Warning)]
    [TestCase(1.96, Outcome.Pass)]
    [TestCase(2.5, Outcome.Pass)]
    public void After_a_429_the_client_waits_as_long_as_Retry_After_says(double waited, Outcome outcome)
    {
        var (exchanges, context) = Timed("report-a-problem-under-load", ("GET /services.json", 0, MannerKind.RetryAfter), ("GET /services.json", waited, null));
        var finding = new HonoursRetryAfterCheck().Evaluate(exchanges, context).Single();
        Assert.That(Verdict.OutcomeOf(finding.Kind, Level.Should, Tier.Required), Is.EqualTo(outcome), finding.Message);
    }

    [Test]
    public void A_client_never_asked_a_429_is_not_judged_on_it_and_one_that_asked_nothing_more_waited()
    {
        var (none, context) = Timed("report-a-problem-under-load", ("POST /requests.json", 0, null));
        Assert.That(new HonoursRetryAfterCheck().Evaluate(none, context).Single().Kind, Is.EqualTo(FindingKind.Skipped));
        var (quiet, _) = Timed("report-a-problem-under-load", ("GET /services.json", 0, MannerKind.RetryAfter));
        Assert.That(new HonoursRetryAfterCheck().Evaluate(quiet, context).Single().Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [TestCase(6, FindingKind.Satisfied)]
    [TestCase(7, FindingKind.Violated)]
    public void While_503s_last_the_client_asks_again_at_most_five_times(int asked, FindingKind kind)
    {
        var (exchanges, context) = Timed("report-a-problem-under-load",
            Enumerable.Range(0, asked).Select(i => ("GET /services/pothole.json", i * 0.4, (MannerKind?)MannerKind.ServerError)).ToArray());
        var finding = new BoundedRetriesCheck().Evaluate(exchanges, context).Single();
        Assert.That(finding.Kind, Is.EqualTo(kind), finding.Message);
        Assert.That(finding.Message, Does.Contain($"asked again {asked - 1} times"));
    }

    [Test]
    public void A_step_counts_only_after_the_steps_it_follows_and_a_read_back_must_name_what_the_post_made()
    {
        var session = ClientFixtures.Session();
        session.Send("GET /requests/HB-1001.json");                 // before anything was posted, and no request the client made
        session.Send("GET /services.json");
        session.Send("GET /services/pothole.json");
        session.Send("POST /requests.json", ClientFixtures.GoodPost); // makes HB-2001
        session.Send("GET /requests/HB-1001.json");                 // exists, but is not what the client made
        var result = session.Judge();
        Assert.That(session.Progress.Done.Keys, Is.EquivalentTo(new[] { "services", "definition", "post" }));
        var readBack = result.Of(ScenarioCompleteCheck.CheckId).Single(r => r.Operation == "step read-back");
        Assert.That(readBack.Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(readBack.Message, Does.Contain("none named what step post created (\"HB-2001\")"));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), "a scenario not done is never a pass, nor a failure");
        Assert.That(result.Coverage.Single(c => c.IsGap).Gap, Does.Contain("Unproven: Open311/client-scenario"));
        session.Send("GET /requests.json?service_request_id=HB-1000,HB-2001"); // the list read by the id it made (as FixMyStreet does)
        Assert.That(session.Judge().Verdict, Is.EqualTo(Verdict.Pass));
    }

    [Test]
    public void A_batch_service_is_answered_with_a_token_the_client_reads_back_by()
    {
        var session = ClientFixtures.Session();
        session.Send("GET /services.json");
        session.Send("GET /services/pothole.json");
        var answer = session.Send("POST /requests.json", "api_key=issued-key&service_code=graffiti&address_string=Quay+wall");
        Assert.That(System.Text.Encoding.UTF8.GetString(answer.Body), Does.Contain("\"token\":\"tok-hb-2001\""));
        session.Send("GET /tokens/tok-hb-2001.json");
        Assert.That(session.Progress.Complete, Is.True);
        Assert.That(session.Judge().Verdict, Is.EqualTo(Verdict.Pass));
    }

    [Test]
    public void A_client_that_sends_nothing_is_inconclusive_each_step_saying_so()
    {
        var result = ClientFixtures.Session().Judge();
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(result.Coverage.Select(c => c.Gap), Is.All.Contains("The client never asked for"));
    }

    /// <summary>Exchanges as a session records them, at chosen times (seconds from the start), each answered at once.</summary>
    private static (IReadOnlyList<ClientExchange>, ClientContext) Timed(string scenario, params (string Request, double At, MannerKind? Manner)[] requests)
    {
        var session = ClientFixtures.Session(scenario);
        var routes = new Routes(session.Spec);
        var exchanges = requests.Select((r, i) =>
        {
            var (method, path) = (r.Request.Split(' ')[0], r.Request.Split(' ')[1]);
            var status = r.Manner switch { MannerKind.RetryAfter => 429, MannerKind.ServerError => 503, _ => 200 };
            return new ClientExchange
            {
                Number = i + 1, Route = routes.Match(method, path), Manner = r.Manner,
                Arrived = TimeSpan.FromSeconds(r.At), Answered = TimeSpan.FromSeconds(r.At),
                Exchange = new Conformance.Http.Exchange
                {
                    Operation = routes.Match(method, path)!.Operation.Id, Purpose = "test", Method = method, Url = "http://127.0.0.1:9" + path,
                    RequestHeaders = [], Status = status, ResponseHeaders = status == 429 ? [new("Retry-After", "2")] : [],
                },
            };
        }).ToList();
        return (exchanges, new ClientContext(session.Spec, session.Profile, session.Scenario, session.Progress, session.Reference, session.Settings, []));
    }
}
