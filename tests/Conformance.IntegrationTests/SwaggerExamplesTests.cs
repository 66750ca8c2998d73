#nullable disable warnings // NUnit constraint lambdas take nullable parameters
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Evidence;

namespace Conformance.IntegrationTests;

/// <summary>
/// The published GeoReport v2 Swagger document's own examples (given for application/xml), served as XML and
/// judged by our transcription: nothing in them is failed except where the examples themselves are wrong, and
/// each such problem is named here as a spec issue. With those corrected, nothing is failed at all.
/// </summary>
public class SwaggerExamplesTests
{
    private const string Standard = "open311-georeport-v2";

    /// <summary>What is wrong with the examples themselves, and the results it explains (check, operation).</summary>
    private static readonly (string Issue, string Check, string Operation)[] SpecIssues =
    [
        ("The GET /requests example is one <request> without the <service_requests> list around it (the text's examples have it; "
         + "erratum E4 is the same fault in the GET /request/{id} schema).", "response-schema", "GET /requests.xml"),
        ("The examples stand alone: service 3 is listed with metadata, but the definition example is for DMV66.",
         "id-resolves", "GET /services/{service_code}.xml"),
    ];

    /// <summary>Our operation for each published path that has an example (E1 moves /request/ to /requests/).</summary>
    private static readonly Dictionary<string, string> Paths = new()
    {
        ["/services.{response_format}"] = "/services",
        ["/services/{service_code}.{response_format}"] = "/services/{service_code}",
        ["/requests.{response_format}"] = "/requests",
        ["/request/{service_request_id}.{response_format}"] = "/requests/{service_request_id}",
        ["/tokens/{token_id}.{response_format}"] = "/tokens/{token_id}",
    };

    private static Dictionary<string, JsonObject> Examples()
    {
        var swagger = JsonNode.Parse(File.ReadAllText(SharedFolder.Upstream("open311-georeport-v2", "schema", "georeport-v2", "swagger.json")))!;
        return Paths.ToDictionary(p => p.Value, p => swagger["paths"]![p.Key]!["get"]!["responses"]!["200"]!["examples"]!["application/xml"]!.AsObject());
    }

    /// <summary>A lone request wrapped in the list the text's examples put it in.</summary>
    private static JsonObject Listed(JsonObject example) => new() { ["service_requests"] = example.DeepClone() };

    private static JsonObject WithId(JsonObject example, string field, string id)
    {
        var copy = example.DeepClone().AsObject();
        foreach (var record in copy.Select(p => p.Value).OfType<JsonObject>().SelectMany(r => new[] { r }.Concat(r.Select(p => p.Value).OfType<JsonObject>())))
            if (record.ContainsKey(field)) record[field] = id;
        return copy;
    }

    /// <summary>Each example written as XML (its one top-level key is the root element), at its endpoint; JSON is not exemplified.</summary>
    private static Handler Serve(Dictionary<string, JsonObject> examples, bool corrected) => (_, path, _) =>
    {
        var segments = path.Trim('/').Split('/');
        var (resource, extension) = (segments[^1][..Math.Max(segments[^1].LastIndexOf('.'), 0)], Path.GetExtension(segments[^1]));
        if (extension != ".xml") return ReferenceResponse.Error(404, "The Swagger document gives examples for application/xml only.");
        var example = segments switch
        {
            ["services.xml"] => examples["/services"],
            ["services", _] => corrected ? WithId(examples["/services/{service_code}"], "service_code", resource) : examples["/services/{service_code}"],
            ["requests.xml"] => corrected ? Listed(examples["/requests"]) : examples["/requests"],
            ["requests", _] => corrected ? Listed(WithId(examples["/requests/{service_request_id}"], "service_request_id", resource)) : examples["/requests/{service_request_id}"],
            ["tokens", _] => examples["/tokens/{token_id}"],
            _ => null,
        };
        if (example is null) return ReferenceResponse.Error(404, "The Swagger document has no example here.");
        var (root, body) = example.Single();
        return new ReferenceResponse(200, body?.DeepClone(), "text/xml; charset=utf-8") { XmlRoot = root };
    };

    private static async Task<List<CheckResult>> JudgedInXml(bool corrected, bool published)
    {
        using var server = ReferenceServer.Start(Serve(Examples(), corrected));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = Standard,
            Target = new Uri(server.Url),
            SpecOverride = published ? SharedFolder.Upstream("open311-georeport-v2", "schema", "georeport-v2", "swagger.json") : null,
            Options = new RunOptions { PathValues = new Dictionary<string, string> { ["token_id"] = "12345" } },
        }, ConformanceRun.DefaultCatalogue());
        // The discovery document has no path, let alone an example, in the Swagger document (erratum E3).
        return result.Results.Where(r => r.Operation.EndsWith(".xml") && !r.Operation.Contains("/discovery")).ToList();
    }

    /// <summary>The examples are served as static answers: every query gets the same one, so the filters are truly ignored (a SHOULD).</summary>
    private static bool StaticServerIgnoresFilters(CheckResult r) =>
        r is { Check: "filters-filter", Outcome: Outcome.Warning } && r.Message.Contains("the filter is ignored");

    private static string Describe(IEnumerable<CheckResult> results) =>
        string.Join("\n", results.Select(r => $"{r.Outcome} {r.Check} {r.Operation}: {r.Message}"));

    [TestCase(false, TestName = "As published, the examples fail only where they are wrong themselves (our transcription)")]
    [TestCase(true, TestName = "As published, the examples fail only where they are wrong themselves (the published document with our errata)")]
    public async Task As_published_the_examples_fail_only_where_they_are_wrong_themselves(bool published)
    {
        var results = await JudgedInXml(corrected: false, published);
        var blamed = results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error && !StaticServerIgnoresFilters(r)).ToList();
        foreach (var (issue, _, _) in SpecIssues) TestContext.Out.WriteLine($"Spec issue: {issue}");
        Assert.That(blamed.Select(r => (r.Check, r.Operation)), Is.EquivalentTo(SpecIssues.Select(s => (s.Check, s.Operation))), Describe(blamed));
        Assert.That(results.Where(r => r.Check == "response-schema" && r.Outcome == Outcome.Pass).Select(r => r.Operation),
            Is.SupersetOf(new[] { "GET /services.xml", "GET /services/{service_code}.xml", "GET /tokens/{token_id}.xml" }));
    }

    [TestCase(false, TestName = "With the example problems corrected, nothing is failed (our transcription)")]
    [TestCase(true, TestName = "With the example problems corrected, nothing is failed (the published document with our errata)")]
    public async Task With_the_example_problems_corrected_nothing_is_failed(bool published)
    {
        var results = await JudgedInXml(corrected: true, published);
        Assert.That(results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error && !StaticServerIgnoresFilters(r)), Is.Empty,
            Describe(results.Where(r => r.Outcome != Outcome.Pass)));
        Assert.That(results.Where(r => r is { Check: "endpoint-answers", Outcome: Outcome.Skipped } && r.Operation.StartsWith("GET ")), Is.Empty, "every read was made");
        Assert.That(results.Where(r => r.Check is "response-schema" or "datetime-timezone" or "attribute-order-unique" or "list-attribute-values")
                .Select(r => (r.Check, r.Operation)),
            Is.SupersetOf(new[]
            {
                ("response-schema", "GET /services.xml"), ("response-schema", "GET /services/{service_code}.xml"),
                ("response-schema", "GET /requests.xml"), ("response-schema", "GET /requests/{service_request_id}.xml"),
                ("response-schema", "GET /tokens/{token_id}.xml"), ("datetime-timezone", "GET /requests.xml"),
                ("attribute-order-unique", "GET /services/{service_code}.xml"), ("list-attribute-values", "GET /services/{service_code}.xml"),
            }), "every example was judged");
    }
}
