#nullable disable warnings // NUnit constraint lambdas take nullable parameters
using System.Text.RegularExpressions;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>
/// Open311 GeoReport v2 over HTTP: the reference passes in XML and JSON, with our transcription and with the
/// published Swagger document corrected by the profile's errata; each defect fails on the clause meant for it.
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
            Assert.That(result.Diagnostics.Select(d => d.Message).Where(m => m.Contains("applied")).Count(), Is.EqualTo(5), "all five errata apply to the published document");
    }

    [Test]
    public async Task Without_the_errata_the_published_document_would_blame_a_conforming_server()
    {
        // The published Swagger document names /request/{id} (E1) and gives it one object (E4): a conforming
        // server is only judged right because the errata correct it. Here they are shown to matter.
        var spec = new SpecLoader(new SpecSource(new RefMap())).Load(SharedFolder.Upstream(Published.Split(Path.DirectorySeparatorChar)), []);
        Assert.That(spec.Operations.Select(o => o.Path), Does.Contain("/request/{service_request_id}.{response_format}")
            .And.Not.Contain("/discovery.{response_format}"));
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
    public async Task A_date_time_without_a_timezone_fails_the_timezone_clause()
    {
        var result = await Run(Reference(), (_, path, _, answer) => path.StartsWith("/requests") && answer.Text is { } xml
            ? answer with { Text = Regex.Replace(xml, @"(<requested_datetime>[^<]*?)(Z|[+-]\d\d:\d\d)<", "$1<") }
            : answer);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(Failed(result), Does.Contain("Open311/datetime-timezone"), Describe(result));
        Assert.That(Failed(result), Is.SubsetOf(new[] { "Open311/datetime-timezone", "Open311/schema" }), Describe(result));
    }

    [Test]
    public async Task Xml_labelled_as_json_fails_the_formats_clause_only()
    {
        var result = await Run(Reference(), (_, _, _, answer) => answer.Text is not null ? answer with { ContentType = "application/json" } : answer);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(Failed(result), Is.EqualTo(new[] { "Open311/formats" }), Describe(result));
    }

    [Test]
    public async Task A_broken_json_format_or_a_missing_discovery_document_only_warns()
    {
        var result = await Run(Reference(), (_, path, _, answer) =>
            path.StartsWith("/discovery") ? answer with { Status = 404 }
            : path.EndsWith(".json") && answer.Body is not null ? answer with { Body = null, Text = "{\"services\": [" }
            : answer);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings), Describe(result));
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Warning).Select(r => r.Operation),
            Is.All.EndsWith(".json").Or.StartsWith("GET /discovery"));
    }

    [Test]
    public async Task A_required_field_missing_from_the_xml_fails_the_schema_clause()
    {
        var result = await Run(Reference(), (_, path, _, answer) => path == "/services.xml"
            ? answer with { Text = Regex.Replace(answer.Text, "<type>[a-z]+</type>", "") }
            : answer);
        Assert.That(Failed(result), Is.EqualTo(new[] { "Open311/schema" }), Describe(result));
        Assert.That(result.Results.First(r => r.Outcome == Outcome.Fail).Message, Does.Contain("type"));
    }
}
