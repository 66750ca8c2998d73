using System.Text.Json.Nodes;

namespace Conformance.IntegrationTests.AnySpec;

/// <summary>
/// Real published OpenAPI documents of public APIs (UK, German, Dutch; Swagger 2.0, OpenAPI 3.0 and 3.1; JSON and
/// YAML; 3 KB to 1.3 MB), each served by a mock Stoplight Prism makes from the document itself. A correct harness
/// judges each one pass, except where the document's own examples contradict it: each such case is named here with
/// its reason, and must be exactly what fails. Values a tester would give (ids, required parameters, a token Prism
/// only checks is there) are given as a user would, in a vendor profile or with --header.
/// </summary>
[NonParallelizable]
public class CorpusTests
{
    /// <param name="Values">The vendor profile's lines after vendor, product and base_url, where the document needs values.</param>
    /// <param name="Contradicted">What fails, and why: only where the document's own examples contradict it.</param>
    public sealed record Document(string Name, string[] Where, string[] Arguments, string? Values, params (string Check, string Operation, string Why)[] Contradicted)
    {
        public string File => Where[0] == "corpus" ? Path.Combine(AppContext.BaseDirectory, "AnySpec", "corpus", Where[1]) : SharedFolder.Upstream(Where[1..]);
        public override string ToString() => Name;
    }

    private static readonly string[] Bearer = ["--header", "Authorization: Bearer prism-only-checks-it-is-there"];

    public static readonly Document[] Documents =
    [
        new("BOPS API v2 (OpenAPI 3.0, YAML, 1.3 MB)", ["shared", "bops", "engines", "bops_api", "swagger", "v2", "swagger_doc.yaml"], Bearer, """
            path_parameters:
              reference: 23-00141-HAPP
            """,
            ("endpoint-answers", "GET /api/v2/planning_applications/{reference}",
                "the path parameter's pattern d{2}-d{5}-[A-Za-z0-9]+ lacks its backslashes, so the references the document's own examples list (23-00141-HAPP) break it, and the mock refuses them with 422"),
            ("response-schema", "GET /api/v2/planning_applications/search",
                "the example's records have no applicationFee, and applicant.address carries sameAsSiteAddress, which the schema does not allow"),
            ("response-schema", "GET /api/v2/public/planning_applications/search",
                "the example's applicant.address carries sameAsSiteAddress, which the schema does not allow")),
        new("BOPS Submissions API v2 (OpenAPI 3.0, YAML)", ["shared", "bops", "engines", "bops_submissions", "swagger", "v2", "submissions", "swagger_doc.yaml"], Bearer, null),
        new("BOPS public API v1 (OpenAPI 3.0, YAML)", ["shared", "bops", "public", "api", "docs", "v1", "swagger_doc.yaml"], Bearer, null),
        new("BOPS API v1 (OpenAPI 3.0, YAML)", ["shared", "bops", "swagger", "v1", "swagger_doc.yaml"], Bearer, null),
        new("GOV.UK Pay (OpenAPI 3.0, JSON)", ["shared", "govuk-pay", "openapi", "publicapi_spec.json"], Bearer, null),
        new("GOV.UK Notify (OpenAPI 3.0, JSON, paths in files of their own)", ["shared", "govuk-notify", "openapi", "publicapi_spec.json"], Bearer, null),
        new("Open311 GeoReport v2 (Swagger 2.0, JSON)", ["shared", "open311-georeport-v2", "schema", "georeport-v2", "swagger.json"], [], null),
        new("Open Referral HSDA 1.1 (Swagger 2.0, YAML)", ["shared", "hsda-1.1-legacy", "v1.1", "openapi.yaml"], [], null),
        new("Swagger Petstore 3.1 (OpenAPI 3.1, YAML)", ["shared", "petstore", "oas3.1", "src", "main", "webapp", "design-first", "petstore.yaml"], Bearer, null),
        new("NINA warnings, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-nina-api.yaml"], [], null),
        new("Autobahn, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-autobahn-api.yaml"], [], null),
        new("Pegel-Online water levels, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-pegel-online-api.yaml"], [], null),
        new("Deutscher Wetterdienst (OpenAPI 3.0, YAML a quoted text from the margin)", ["corpus", "bund-dwd-api.yaml"], [], null),
        new("Feiertage, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-feiertage-api.yaml"], [], null),
        new("SMARD electricity market data, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-smard-api.yaml"], [], null),
        new("Haal Centraal BRK bevragen, Netherlands (OpenAPI 3.0, JSON, HAL)", ["corpus", "haal-centraal-brk-bevragen.json"], [], null),
    ];

    [TestCaseSource(nameof(Documents))]
    public async Task A_published_document_served_by_a_mock_made_from_it_is_judged_pass_but_where_its_examples_contradict_it(Document document)
    {
        var file = document.File;
        using var prism = PrismMock.Start(file);
        var dir = Cli.TempDir();
        var args = new List<string> { "run", "--spec", file, "--url", prism.Url, "--out", Path.Combine(dir, "out"), "--format", "json",
            "--rate", "unlimited", "--max-pages", "1", "--timeout", "60" };
        if (document.Values is not null)
        {
            var profile = Path.Combine(dir, "vendor.yaml");
            await File.WriteAllTextAsync(profile, $"vendor: Corpus\nproduct: {document.Name}\nbase_url: {prism.Url}\n{document.Values}");
            args.AddRange(["--profile", profile]);
        }
        args.AddRange(document.Arguments);
        var run = await Cli.RunAsync(TimeSpan.FromMinutes(3), [.. args]);
        var reportFile = Path.Combine(dir, "out", "report.json");
        Assert.That(File.Exists(reportFile), $"no report (exit {run.ExitCode}):\n{run.All}");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(reportFile))!.AsObject();
        var results = report["results"]!.AsArray().OfType<JsonObject>().ToList();
        var blamed = results.Where(r => r["outcome"]!.ToString() is not ("pass" or "skipped" or "info")).ToList();
        var gaps = report["coverage"]!.AsArray().OfType<JsonObject>().Where(c => c["gap"] is not null && c["tier"]!.ToString() == "required").ToList();
        var described = string.Join("\n", blamed.Select(r => $"{r["outcome"]} {r["check"]} {r["operation"]}: {r["message"]}"))
                        + "\n" + string.Join("\n", gaps.Select(g => $"gap {g["operation"]}: {g["gap"]}"));
        foreach (var (check, operation, why) in document.Contradicted) TestContext.Out.WriteLine($"{document.Name}: {check} fails {operation}: {why}");
        Assert.That(blamed.Select(r => (r["check"]!.ToString(), r["operation"]!.ToString())),
            Is.EquivalentTo(document.Contradicted.Select(c => (c.Check, c.Operation))), described);
        Assert.That(blamed.Select(r => r["outcome"]!.ToString()), Has.All.EqualTo("fail"), described);
        Assert.That(gaps, Is.Empty, described);
        Assert.That(report["verdict"]!.ToString(), Is.EqualTo(document.Contradicted.Length == 0 ? "pass" : "fail"), described);
    }
}
