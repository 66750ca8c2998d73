using Conformance.Standards;
using Conformance.Tests.Open311;

namespace Conformance.Tests.Clients;

public class ScenarioLoaderTests
{
    private static string Write(string yaml, string name = "try-it")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"scenarios-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    private const string Steps = """
        id: try-it
        title: Try it
        role: reporting client
        asks: Post one.
        steps:
          - id: post
            does: post
            requests: ["POST /requests.{response_format}"]
            creates: [service_request_id]

        """;

    [Test]
    public void The_open311_scenarios_load_and_name_operations_of_the_transcription()
    {
        Assert.That(ScenarioLoader.Names(Open311Fixtures.Profile), Is.EqualTo(new[] { "report-a-problem", "report-a-problem-under-load" }));
        foreach (var name in ScenarioLoader.Names(Open311Fixtures.Profile))
            Assert.That(() => ScenarioLoader.ValidateAgainst(ScenarioLoader.Load(Open311Fixtures.Profile, name), Open311Fixtures.Spec), Throws.Nothing);
        Assert.That(ScenarioLoader.Load(Open311Fixtures.Profile, null).Id, Is.EqualTo("report-a-problem"), "the profile's own choice");
    }

    [Test]
    public void A_scenario_the_standard_does_not_have_is_refused_naming_those_it_has()
    {
        Assert.That(() => ScenarioLoader.Load(Open311Fixtures.Profile, "../profile"),
            Throws.TypeOf<ProfileException>().With.Message.EqualTo("open311-georeport-v2 has no scenario '../profile' (it has: report-a-problem, report-a-problem-under-load)."));
        Assert.That(() => ScenarioLoader.Load(Fixtures.Profile, null), Throws.TypeOf<ProfileException>().With.Message.Contains("has no client scenarios"));
    }

    [TestCase("  - id: read\n    does: read\n    requests: [\"GET /requests/{service_request_id}.{response_format}\"]\n    names: later\n", "step 'read' names 'later', which is no earlier step")]
    [TestCase("  - id: read\n    does: read\n    requests: [\"fetch the request\"]\n", "'fetch the request' is not METHOD /path")]
    [TestCase("  - id: post\n    does: again\n    requests: [\"GET /services.{response_format}\"]\n", "step id 'post' is used more than once")]
    [TestCase("  - id: read\n    does: read\n    requests: [\"GET /services.{response_format}\"]\n    proves: [Open311/schema]\n", "'Open311/schema' is no client clause of open311-georeport-v2")]
    [TestCase("manners:\n  - {kind: retry-after, step: nowhere}\n", "manner RetryAfter names step 'nowhere', which the scenario does not have")]
    [TestCase("manners:\n  - {kind: retry-after, step: post, seconds: 0}\n", "seconds must be from 1 to 600")]
    [TestCase("manners:\n  - {kind: sulk, step: post}\n", "kind must be retry-after, server-error, paging, token-expiry or stale-version")]
    public void A_scenario_is_held_to_itself_and_its_profile_with_the_line_of_the_problem(string more, string problem) =>
        Assert.That(() => ScenarioLoader.Read(Write(Steps + more), Open311Fixtures.Profile),
            Throws.TypeOf<ProfileException>().With.Message.Contains(problem).And.Message.Contains("try-it.yaml"));

    [Test]
    public void A_scenario_is_named_by_its_file_and_its_requests_are_operations_of_the_spec()
    {
        Assert.That(() => ScenarioLoader.Read(Write(Steps, "other"), Open311Fixtures.Profile),
            Throws.TypeOf<ProfileException>().With.Message.Contains("the scenario's id 'try-it' must be its file's name"));
        var scenario = ScenarioLoader.Read(Write(Steps.Replace("POST /requests.{response_format}", "POST /complaints.json")), Open311Fixtures.Profile);
        Assert.That(() => ScenarioLoader.ValidateAgainst(scenario, Open311Fixtures.Spec),
            Throws.TypeOf<ProfileException>().With.Message.Contains("'POST /complaints.json' is not an operation of"));
    }
}
