#nullable disable warnings // NUnit constraint lambdas take nullable parameters
using Conformance.Evidence;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>
/// Open311 GeoReport v2 over HTTP: the reference passes in XML and JSON, with our transcription and with the
/// published Swagger document corrected by the profile's errata; jurisdiction errors are probed where declared.
/// Each Open311 defect of the catalogue is proven in DefectMatrixTests.
/// </summary>
public class Open311Tests
{
    private const string Standard = "open311-georeport-v2";
    private static readonly string Published = Path.Combine("open311-georeport-v2", "schema", "georeport-v2", "swagger.json");

    private static Open311Service Reference(bool severalJurisdictions = false) =>
        new(Open311Data.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, Standard, "reference")), severalJurisdictions);

    private static async Task<RunResult> Run(Open311Service reference,
        Func<string, string, IReadOnlyDictionary<string, string>, ReferenceResponse, ReferenceResponse> defect = null,
        bool published = false, Dictionary<string, string> query = null)
    {
        using var server = ReferenceImplementations.StartOpen311(reference);
        using var wrapped = defect is null ? null : ReferenceServer.Start((m, p, q) => defect(m, p, q, reference.Handle(m, p, q)));
        return await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = Standard,
            Target = new Uri((wrapped ?? server).Url),
            SpecOverride = published ? SharedFolder.Upstream(Published.Split(Path.DirectorySeparatorChar)) : null,
            Options = new RunOptions
            {
                PathValues = new Dictionary<string, string> { ["token_id"] = "tok-7f3a" },
                QueryValues = query ?? new Dictionary<string, string>(),
                OptIns = query is null ? new HashSet<string>() : new HashSet<string> { OptIn.SeveralJurisdictions },
            },
        }, ConformanceRun.DefaultCatalogue());
    }

    private static string Describe(RunResult result) => string.Join("\n",
        result.Results.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Outcome} {r.Check} {r.Operation}: {r.Message}"));

    private static List<string> Failed(RunResult result) =>
        result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Clause).Distinct().ToList();

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_reference_passes_in_xml_and_json(bool published)
    {
        var result = await Run(Reference(), published: published);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), Describe(result));
        var operations = result.Results.Select(r => r.Operation).Distinct().ToList();
        Assert.That(operations, Does.Contain("GET /requests/{service_request_id}.xml").And.Contain("GET /services/{service_code}.json")
            .And.Contain("GET /tokens/{token_id}.xml").And.Contain("GET /discovery.json"));
        Assert.That(result.Results.Where(r => r.Check == "response-schema" && r.Operation.EndsWith(".xml")).Select(r => r.Outcome),
            Is.Not.Empty.And.All.EqualTo(Outcome.Pass), "XML bodies are validated, not waved through");
        if (published)
            Assert.That(result.Diagnostics.Select(d => d.Message).Where(m => m.Contains("applied")).Count(), Is.EqualTo(8), "all eight errata apply to the published document");
    }

    [Test]
    public async Task Without_the_errata_the_published_document_would_blame_a_conforming_server()
    {
        // The published Swagger document names /request/{id} (E1) and gives it one object (E4): a conforming
        // server is only judged right because the errata correct it. Here they are shown to matter.
        var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(SharedFolder.Upstream(Published.Split(Path.DirectorySeparatorChar)), []);
        Assert.That(spec.Operations.Select(o => o.Path), Does.Contain("/request/{service_request_id}.{response_format}")
            .And.Not.Contain("/discovery.{response_format}"));
    }

    [Test]
    public async Task A_write_refused_for_want_of_a_key_the_harness_was_not_given_is_skipped_not_failed()
    {
        using var server = ReferenceImplementations.StartOpen311(Reference());
        RunRequest Writing(bool key) => RunRequest.From(null, new RunOverrides { Standard = Standard, Reference = true, AllowWrites = true },
            new Uri(server.Url)) is var request && key
            ? request with { Probe = request.Probe with { Credentials = new Conformance.Http.ProbeCredentials([], new("api_key", "demo-key")) } }
            : request;
        RunRequest WithToken(RunRequest r) => r with { Options = r.Options with { PathValues = new Dictionary<string, string> { ["token_id"] = "tok-7f3a" } } };

        var keyless = await ConformanceRun.ExecuteAsync(WithToken(Writing(key: false)), ConformanceRun.DefaultCatalogue());
        var write = keyless.Results.Single(r => r.Check == "write-accepted");
        Assert.That((write.Outcome, keyless.Verdict), Is.EqualTo((Outcome.Skipped, Verdict.Pass)), write.Message);
        Assert.That(write.Message, Does.Contain("refused (403) without credentials"));

        var keyed = await ConformanceRun.ExecuteAsync(WithToken(Writing(key: true)), ConformanceRun.DefaultCatalogue());
        Assert.That(keyed.Results.Single(r => r.Check == "write-accepted").Outcome, Is.EqualTo(Outcome.Pass), "with a key the same write is accepted");
    }

    [Test]
    public async Task A_multi_jurisdiction_endpoint_that_refuses_properly_passes_the_jurisdiction_clause()
    {
        var result = await Run(Reference(severalJurisdictions: true), query: new() { ["jurisdiction_id"] = Open311Data.JurisdictionId });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), Describe(result));
        Assert.That(result.Results.Single(r => r.Check == "jurisdiction-errors").Outcome, Is.EqualTo(Outcome.Pass));
    }

    [Test]
    public async Task Jurisdiction_errors_with_the_wrong_status_fail_the_jurisdiction_clause()
    {
        var result = await Run(Reference(severalJurisdictions: true),
            (_, path, query, answer) => query.ContainsKey("jurisdiction_id") ? answer : answer with { Status = 404 },
            query: new() { ["jurisdiction_id"] = Open311Data.JurisdictionId });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(Failed(result), Is.EqualTo(new[] { "Open311/jurisdiction" }), Describe(result));
    }

    [Test]
    public async Task Declaring_several_jurisdictions_without_naming_one_is_a_configuration_error()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => Run(Reference(severalJurisdictions: true), query: new()));
        Assert.That(error!.Message, Does.Contain("jurisdiction_id").And.Contain("query_parameters"));
    }

    [Test]
    public async Task Services_without_metadata_leave_no_definition_to_look_up_and_that_is_no_fault()
    {
        var result = await Run(Reference(), (_, path, _, answer) =>
        {
            if (!path.StartsWith("/services.") || answer.Body is not System.Text.Json.Nodes.JsonArray services) return answer;
            var copy = services.DeepClone().AsArray();
            foreach (var service in copy) service!["metadata"] = false;
            return answer with { Body = copy };
        });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), Describe(result));
        var lookups = result.Results.Where(r => r.Operation.StartsWith("GET /services/")).ToList();
        Assert.That(lookups.Select(r => r.Check), Is.All.EqualTo("id-resolves"), "nothing was left untested, so endpoint-answers has nothing to say");
        Assert.That(lookups.Select(r => r.Message), Is.All.StartWith("Not applicable: no record GET /services."));
    }

    [Test]
    public async Task Metadata_sent_as_text_is_reported_by_the_schema_and_the_definitions_are_still_looked_up()
    {
        var result = await Run(Reference(), (_, path, _, answer) =>
        {
            if (path != "/services.json" || answer.Body is not System.Text.Json.Nodes.JsonArray services) return answer;
            var copy = services.DeepClone().AsArray();
            foreach (var service in copy) service!["metadata"] = service["metadata"]!.GetValue<bool>() ? "true" : "false";
            return answer with { Body = copy };
        });
        Assert.That(result.Results.Single(r => r is { Check: "response-schema", Operation: "GET /services.json" }).Outcome, Is.EqualTo(Outcome.Warning));
        var lookups = result.Results.Single(r => r is { Check: "id-resolves", Operation: "GET /services/{service_code}.json" });
        Assert.That(lookups.Outcome, Is.EqualTo(Outcome.Pass), lookups.Message);
        Assert.That(lookups.Message, Does.Contain("resolved"), "the definitions were fetched, not skipped as not applicable");
    }
}
