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
                "the example's records have no applicationFee, and their applicant.address carries sameAsSiteAddress, which the schema does not allow"),
            ("response-schema", "GET /api/v2/public/planning_applications/search",
                "the example's applicant.address carries sameAsSiteAddress, which the schema does not allow"),
            ("response-schema", "GET /api/v2/public/planning_applications/{reference}/comments/specialist",
                "the example has no data, which the schema requires"),
            ("response-schema", "GET /api/v2/public/planning_applications/{reference}/submission",
                "the example's application lacks reference, fullReference, receivedAt and more that the schema requires")),
        new("BOPS Submissions API v2 (OpenAPI 3.0, YAML)", ["shared", "bops", "engines", "bops_submissions", "swagger", "v2", "submissions", "swagger_doc.yaml"], Bearer, null),
        new("BOPS public API v1 (OpenAPI 3.0, YAML)", ["shared", "bops", "public", "api", "docs", "v1", "swagger_doc.yaml"], Bearer, """
            path_parameters:
              subdomain: southwark
              id: 1
              planning_application_id: 1
              additional_document_validation_request_id: 1
              description_change_validation_request_id: 1
              other_change_validation_request_id: 1
              red_line_boundary_change_validation_request_id: 1
              replacement_document_validation_request_id: 1
              time_extension_validation_request_id: 1
            query_parameters:
              change_access_id: 345443543
            """),
        new("BOPS API v1 (OpenAPI 3.0, YAML)", ["shared", "bops", "swagger", "v1", "swagger_doc.yaml"], Bearer, """
            path_parameters:
              subdomain: southwark
              id: 1
            """),
        new("GOV.UK Pay (OpenAPI 3.0, JSON)", ["shared", "govuk-pay", "openapi", "publicapi_spec.json"], Bearer, """
            path_parameters:
              paymentId: hu20sqlact5260q2nanm0q8u93
              refundId: j6se0f2o427g28g8yg3u3i
            """,
            ("response-schema", "GET /v1/payments",
                "the example's metadata is a string of JSON where the schema wants an object, and its _links' params descriptions are text where it wants objects"),
            ("response-schema", "GET /v1/payments/{paymentId}",
                "the example's metadata is a string of JSON where the schema wants an object, and its _links' params descriptions are text where it wants objects")),
        new("GOV.UK Notify (OpenAPI 3.0, JSON, paths in files of their own)", ["shared", "govuk-notify", "openapi", "publicapi_spec.json"], Bearer, null,
            ("response-schema", "GET /v2/notifications",
                "the example notification matches both alternatives of the schema's oneOf (and the status of neither), where it must match exactly one"),
            ("response-schema", "GET /v2/notifications/{notification_id}",
                "the example notification matches both alternatives of the schema's oneOf, where it must match exactly one")),
        new("Open311 GeoReport v2 (Swagger 2.0, JSON)", ["shared", "open311-georeport-v2", "schema", "georeport-v2", "swagger.json"], [], """
            path_parameters:
              response_format: json
              service_code: 001
              service_request_id: 638344
              token_id: 12345
            query_parameters:
              jurisdiction_id: city.example.org
            """,
            ("response-schema", "GET /services.{response_format}",
                "its only examples, given for application/xml, are one service under its XML root (an object) where the response schema is a list"),
            ("response-schema", "GET /requests.{response_format}",
                "the example is one request under its XML root (an object) where the response schema is a list"),
            ("response-schema", "GET /services/{service_code}.{response_format}",
                "the example is wrapped in its XML root (service_definition), so service_code and attributes are not where the schema requires them"),
            ("response-schema", "GET /request/{service_request_id}.{response_format}",
                "the example is wrapped in its XML root (request), so service_request_id, status, service_code and requested_datetime are not where the schema requires them")),
        new("Open Referral HSDA 1.1 (Swagger 2.0, YAML)", ["shared", "hsda-1.1-legacy", "v1.1", "openapi.yaml"], [], """
            path_parameters:
              accessibility_id: 1
              contact_id: 1
              eligibility_id: 1
              fee_id: 1
              funding_id: 1
              holiday_schedule_id: 1
              language_id: 1
              location_id: 1
              organization_id: 1
              payment_accepted_id: 1
              phone_id: 1
              postal_address_id: 1
              program_id: 1
              regular_schedule_id: 1
              required_document_id: 1
              service_area_id: 1
              service_id: 1
            """),
        new("US Patent and Trademark Office data sets (OpenAPI 3.0, JSON)", ["shared", "oas-examples", "examples", "v3.0", "uspto.json"], [], null),
        new("Tic Tac Toe, the OpenAPI Initiative's example (OpenAPI 3.1, YAML)", ["shared", "oas-examples", "examples", "v3.1", "tictactoe.yaml"], Bearer, null),
        new("NINA warnings, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-nina-api.yaml"], [], null,
            ("response-schema", "GET /appdata/gsb/eventCodes/eventCodes.json", "the example's event codes have no imageUrl, which the schema requires"),
            ("response-schema", "GET /appdata/gsb/notfalltipps/DE/notfalltipps.json", "the example's tips have no article, which the schema requires")),
        new("Autobahn, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-autobahn-api.yaml"], [], null,
            ("response-schema", "GET /details/closure/{closureId}", "the example's startTimestamp 2021-06-20T14:19:26.000+0200 is no RFC 3339 date-time (the offset needs its colon: +02:00)"),
            ("response-schema", "GET /details/roadworks/{roadworkId}", "the example's startTimestamp 2021-06-29T09:00:00.000+0200 is no RFC 3339 date-time"),
            ("response-schema", "GET /details/warning/{warningId}", "the example's startTimestamp 2021-05-25T00:00:00.000+0200 is no RFC 3339 date-time")),
        new("Pegel-Online water levels, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-pegel-online-api.yaml"], [], null),
        new("Deutscher Wetterdienst (OpenAPI 3.0, YAML with quoted text from the margin)", ["corpus", "bund-dwd-api.yaml"], [], null),
        new("Feiertage, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-feiertage-api.yaml"], [], null),
        new("SMARD electricity market data, Germany (OpenAPI 3.0, YAML)", ["corpus", "bund-smard-api.yaml"], [], """
            path_parameters:
              filter: 1223
              filterCopy: 1223
              region: DE
              regionCopy: DE
              resolution: hour
              timestamp: 1627855200000
            """),
        new("Haal Centraal BRK bevragen, Netherlands (OpenAPI 3.0, JSON, HAL)", ["corpus", "haal-centraal-brk-bevragen.json"], ["--header", "X-Api-Key: prism-only-checks-it-is-there"], """
            path_parameters:
              kadasterNatuurlijkPersoonIdentificatie: 30493367
              kadasterNietNatuurlijkPersoonIdentificatie: 70882239
              kadastraalOnroerendeZaakIdentificatie: 76870482570000
              beslagIdentificatie: 1
              hypotheekIdentificatie: 1
              privaatrechtelijkeBeperkingIdentificatie: 1
              zakelijkGerechtigdeIdentificatie: 1
              stukIdentificatie: 1
              stukdeelIdentificatie: 1
            query_parameters:
              kadastraalOnroerendeZaakIdentificatie: 76870482570000
            operation_parameters:
              GET /kadasternatuurlijkpersonen:
                q: Jansen
              GET /kadasternietnatuurlijkpersonen:
                q: Gemeente
            """),
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
        // Only an operation the document contradicts may go uncovered (its example refused): every other read is made.
        var gaps = report["coverage"]!.AsArray().OfType<JsonObject>()
            .Where(c => c["gap"] is not null && c["tier"]!.ToString() == "required" && document.Contradicted.All(d => d.Operation != c["operation"]!.ToString())).ToList();
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
