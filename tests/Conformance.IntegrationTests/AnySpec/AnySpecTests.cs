using System.Text.RegularExpressions;

namespace Conformance.IntegrationTests.AnySpec;

/// <summary>
/// Any OpenAPI document as suppliers publish it (issue 21): each class of wrong verdict, reproduced with a small document
/// of our own through the real program, against a server that answers as the document says (judged pass) and one that
/// really breaks the document (judged fail).
/// </summary>
public class AnySpecTests
{
    private const string Pass = "pass";
    private const string Fail = "fail";

    private static string Profile(string url, string more = "") => $"""
        vendor: Test supplier
        product: Any API
        base_url: {url}
        {more}
        """;

    // ---- 1. Accept what the operation documents, and judge the answer by the type it declares

    private const string MediaDocument = """
        openapi: 3.0.3
        info: {title: Media types, version: "1"}
        paths:
          /places:
            get:
              responses:
                "200":
                  description: places, as HAL
                  content:
                    application/hal+json:
                      schema: {type: object, required: [_links], properties: {_links: {type: object}}}
          /export:
            get:
              responses:
                "200": {description: a table, content: {text/csv: {schema: {type: string}}}}
          /map:
            get:
              responses:
                "200": {description: a picture, content: {image/png: {schema: {type: string, format: binary}}}}
          /data:
            get:
              responses:
                "200":
                  description: SDMX data, as XML or JSON
                  content:
                    application/vnd.sdmx.data+xml;version=3.0.0: {schema: {type: string}}
                    application/vnd.sdmx.data+json;version=2.0.0: {schema: {type: object, required: [data]}}
        """;

    private static Answer Media(Asked asked, bool broken) => asked.Path switch
    {
        "/places" when asked.Accepts("application/hal+json") => Answer.Json(broken ? """{"links": {}}""" : """{"_links": {"self": {"href": "/places"}}}""", "application/hal+json"),
        "/export" when asked.Accepts("text/csv") => new Answer(200, broken ? "application/json" : "text/csv; charset=utf-8", "name,count\nparks,3\n"),
        "/map" when asked.Accepts("image/png") => new Answer(200, "image/png", "PNG picture bytes"),
        "/data" when asked.Accepts("application/vnd.sdmx.data+json") => Answer.Json("""{"data": {"dataSets": []}}""", "application/vnd.sdmx.data+json; version=2.0.0"),
        _ => Answer.NotAcceptable(asked),
    };

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task An_operation_is_asked_for_the_media_types_it_documents_and_judged_by_the_type_declared(bool broken, string verdict)
    {
        using var server = new DocumentServer(asked => Media(asked, broken));
        var run = await AnySpecRun.Of(MediaDocument, server.Url);
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        Assert.That(run.Exchanges.Select(e => (int?)e["status"]), Has.None.EqualTo(406), "no request provokes a 406");
        Assert.That(server.Received.Single(r => r.Path == "/places").Header("Accept"), Does.StartWith("application/hal+json").And.EndWith("*/*;q=0.1"));
        Assert.That(server.Received.Single(r => r.Path == "/data").Header("Accept"),
            Does.StartWith("application/vnd.sdmx.data+json;version=2.0.0"), "JSON-like types first");
        if (broken)
        {
            Assert.That(run.Outcome("response-schema", "GET /places"), Is.EqualTo(Fail));
            Assert.That(run.Outcome("content-type-documented", "GET /export"), Is.EqualTo(Fail));
        }
        else Assert.That(run.Results.Where(r => r["check"]!.ToString() == "response-schema").Select(r => r["operation"]!.ToString()),
            Does.Not.Contain("GET /export").And.Not.Contain("GET /map"), "a table or a picture is not read as JSON");
    }

    // ---- 2. A user's header replaces the harness's own; only headers that may carry a credential are masked

    private const string HalDocument = """
        openapi: 3.0.3
        info: {title: HAL, version: "1"}
        paths:
          /places:
            get:
              responses:
                "200":
                  description: places, as HAL
                  content:
                    application/hal+json:
                      schema: {type: object, required: [_links]}
        """;

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task A_header_given_replaces_the_harness_own_and_is_shown_unless_it_may_carry_a_credential(bool broken, string verdict)
    {
        const string token = "s3cret-token-value";
        using var server = new DocumentServer(asked =>
            asked.Headers["Accept"] is [ "application/hal+json" ] && asked.Headers["User-Agent"] is [ "council-tester/2" ]
                ? Answer.Json(broken ? "{}" : """{"_links": {}}""", "application/hal+json")
                : Answer.BadRequest("one Accept and one User-Agent, please"));
        var run = await AnySpecRun.Of(HalDocument, server.Url, null,
            "--header", "Accept: application/hal+json", "--header", "User-Agent: council-tester/2", "--header", $"X-Api-Token: {token}");
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe() + string.Join("\n", server.Received.SelectMany(r => r.Headers.Select(h => $"{h.Key}: {string.Join(" | ", h.Value)}"))));
        var headers = run.Exchanges.First()["requestHeaders"]!.AsArray().Select(h => h!.ToString()).ToList();
        Assert.That(headers, Does.Contain("Accept: application/hal+json").And.Contain("User-Agent: council-tester/2").And.Contain("X-Api-Token: ***"));
        Assert.That(headers.Count(h => h.StartsWith("Accept:")), Is.EqualTo(1));
        Assert.That(run.Report!.ToJsonString(), Does.Not.Contain(token));
    }

    // ---- 3. Required header parameters: given with --header or header_parameters, or filled from the document

    private const string HeaderDocument = """
        openapi: 3.0.3
        info: {title: Accounts, version: "1"}
        paths:
          /accounts:
            get:
              parameters:
                - {name: x-v, in: header, required: true, schema: {type: string}}
                - {name: x-fapi-interaction-id, in: header, required: true, schema: {type: string}, example: 6ba7b810-9dad-11d1-80b4-00c04fd430c8}
                - {name: Accept-Version, in: header, required: true, schema: {type: string, enum: ["2", "1"]}}
                - {name: x-min-v, in: header, required: false, schema: {type: string}}
              responses:
                "200": {description: accounts, content: {application/json: {schema: {type: object, required: [data]}}}}
                "400": {description: a bad request, content: {application/json: {schema: {type: object}}}}
        """;

    private static Answer Accounts(Asked asked, bool broken) =>
        asked.Header("x-v") == "1" && asked.Header("x-fapi-interaction-id") == "6ba7b810-9dad-11d1-80b4-00c04fd430c8" && asked.Header("Accept-Version") == "2"
            ? Answer.Json(broken ? """{"accounts": []}""" : """{"data": []}""")
            : Answer.BadRequest("x-v, x-fapi-interaction-id and Accept-Version are required");

    [TestCase(false, Pass, "--header")]
    [TestCase(false, Pass, "header_parameters")]
    [TestCase(true, Fail, "--header")]
    public async Task A_required_header_parameter_is_given_or_filled_from_the_document(bool broken, string verdict, string how)
    {
        using var server = new DocumentServer(asked => Accounts(asked, broken));
        var run = how == "--header"
            ? await AnySpecRun.Of(HeaderDocument, server.Url, null, "--header", "x-v: 1")
            : await AnySpecRun.Of(HeaderDocument, server.Url, Profile(server.Url, "header_parameters:\n  x-v: 1"));
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        var headers = run.Exchanges.First()["requestHeaders"]!.AsArray().Select(h => h!.ToString()).ToList();
        Assert.That(headers, Does.Contain("x-v: 1").And.Contain("Accept-Version: 2"), "a declared header parameter is no secret");
    }

    [Test]
    public async Task A_required_header_nobody_gives_is_named_and_the_run_is_inconclusive()
    {
        using var server = new DocumentServer(asked => Accounts(asked, false));
        var run = await AnySpecRun.Of(HeaderDocument, server.Url);
        Assert.That(run.Verdict, Is.EqualTo("inconclusive"), run.Describe());
        Assert.That(run.Result("endpoint-answers", "GET /accounts")["message"]!.ToString(),
            Does.Contain("requires x-v (header)").And.Contain("--header").And.Not.Contain("Accept-Version"));
        Assert.That(server.Received, Is.Empty);
    }

    // ---- 4. Values per operation over global ones, the document's own values, and made-up values refused

    private const string ValuesDocument = """
        openapi: 3.0.3
        info: {title: Mobility, version: "1"}
        paths:
          /trips:
            get:
              parameters: [{name: end_time, in: query, required: true, schema: {type: string, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}$'}}]
              responses: {"200": {description: trips, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}, "400": {description: bad}}
          /status_changes:
            get:
              parameters: [{name: end_time, in: query, required: true, schema: {type: integer}}]
              responses: {"200": {description: changes, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}, "400": {description: bad}}
          /stations/{sid}:
            get:
              parameters: [{name: sid, in: path, required: true, schema: {type: string, pattern: '^ST'}}]
              responses: {"200": {description: a station, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}, "404": {description: none}}
          /vehicles/{sid}:
            get:
              parameters: [{name: sid, in: path, required: true, schema: {type: string, pattern: '^VH'}}]
              responses: {"200": {description: a vehicle, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}, "404": {description: none}}
          /regions:
            get:
              parameters: [{name: region, in: query, required: true, schema: {type: string, enum: [north]}}]
              responses: {"200": {description: a region, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}}
          /lines:
            get:
              parameters:
                - {name: mode, in: query, required: true, schema: {type: string, default: bus}}
                - {name: day, in: query, required: true, examples: {monday: {value: "2024-01-01"}}, schema: {type: string, format: date}}
              responses: {"200": {description: lines, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}}
        components:
          schemas:
            Page: {type: object, required: [data], properties: {data: {type: array}}}
        """;

    private static Answer Mobility(Asked asked, bool broken)
    {
        var good = asked.Path switch
        {
            "/trips" => Regex.IsMatch(asked.Query.GetValueOrDefault("end_time") ?? "", "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}$"),
            "/status_changes" => Regex.IsMatch(asked.Query.GetValueOrDefault("end_time") ?? "", "^[0-9]+$"),
            "/stations/ST1" or "/vehicles/VH1" => true,
            "/regions" => asked.Query.GetValueOrDefault("region") == "north",
            "/lines" => asked.Query.GetValueOrDefault("mode") == "bus" && asked.Query.GetValueOrDefault("day") == "2024-01-01",
            _ => false,
        };
        if (!good) return asked.Path.StartsWith("/stations/") || asked.Path.StartsWith("/vehicles/") ? new Answer(404, "application/json", "{}") : Answer.BadRequest("no such value");
        return Answer.Json(broken && asked.Path == "/trips" ? """{"trips": []}""" : """{"data": []}""");
    }

    private static string MobilityProfile(string url) => Profile(url, """
        path_parameters:
          sid: ST1
        query_parameters:
          end_time: 2024-01-01T10
        operation_parameters:
          GET /status_changes:
            end_time: 1704067200
          GET /vehicles/{sid}:
            sid: VH1
        """);

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task Values_per_operation_win_over_global_ones_and_the_document_fills_the_rest(bool broken, string verdict)
    {
        using var server = new DocumentServer(asked => Mobility(asked, broken));
        var run = await AnySpecRun.Of(ValuesDocument, server.Url, MobilityProfile(server.Url));
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        foreach (var operation in new[] { "GET /status_changes", "GET /stations/{sid}", "GET /vehicles/{sid}", "GET /regions", "GET /lines" })
            Assert.That(run.Outcome("endpoint-answers", operation), Is.EqualTo(Pass), operation);
        Assert.That(run.Outcome("response-schema", "GET /trips"), Is.EqualTo(broken ? Fail : Pass));
    }

    private const string SearchDocument = """
        openapi: 3.0.3
        info: {title: Search, version: "1"}
        paths:
          /search:
            get:
              parameters: [{name: q, in: query, required: true, example: anything, schema: {type: string}}]
              responses:
                "200": {description: found, content: {application/json: {schema: {type: object, required: [data]}}}}
                "400": {description: bad, content: {application/json: {schema: {type: object}}}}
        """;

    [TestCase(false, "inconclusive")]
    [TestCase(true, Fail)]
    public async Task A_refusal_of_values_the_harness_made_up_is_its_own_problem(bool given, string verdict)
    {
        // Without a value, the document's example is tried and refused: the harness's problem. Given a value the
        // server accepts, a body that breaks the document is the server's.
        using var server = new DocumentServer(asked => asked.Query.GetValueOrDefault("q") == "parks" ? Answer.Json("{}") : Answer.BadRequest("unknown term"));
        var run = await AnySpecRun.Of(SearchDocument, server.Url, given ? Profile(server.Url, "operation_parameters:\n  GET /search:\n    q: parks") : null);
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        if (!given)
        {
            var answers = run.Result("endpoint-answers", "GET /search");
            Assert.That(answers["outcome"]!.ToString(), Is.EqualTo("skipped"));
            Assert.That(answers["message"]!.ToString(), Does.Contain("q=anything").And.Contain("its example").And.Contain("operation_parameters"));
        }
        else Assert.That(run.Outcome("response-schema", "GET /search"), Is.EqualTo(Fail));
    }

    // ---- 5. A secret is decided by where a value goes, not by what its name looks like

    private const string KeyedDocument = """
        openapi: 3.0.3
        info: {title: Keys, version: "1"}
        components:
          securitySchemes:
            key: {type: apiKey, in: query, name: api_key}
        paths:
          /keys:
            get:
              parameters: [{name: key_usage_type, in: query, required: true, schema: {type: string}}]
              responses: {"200": {description: keys, content: {application/json: {schema: {type: object, required: [data]}}}}}
        """;

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task A_parameter_whose_name_holds_key_is_a_value_like_any_other(bool broken, string verdict)
    {
        using var server = new DocumentServer(asked => asked.Query.GetValueOrDefault("key_usage_type") == "signing"
            ? Answer.Json(broken ? "[]" : """{"data": []}""") : Answer.BadRequest("key_usage_type?"));
        var run = await AnySpecRun.Of(KeyedDocument, server.Url, Profile(server.Url, "query_parameters:\n  key_usage_type: signing\n  keyword: monkey"));
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        Assert.That(run.Exchanges.First()["url"]!.ToString(), Does.Contain("key_usage_type=signing").And.Contain("keyword=monkey"));
    }

    [Test]
    public async Task A_value_given_inline_where_the_security_scheme_takes_its_key_is_refused()
    {
        using var server = new DocumentServer(_ => Answer.Json("{}"));
        var run = await AnySpecRun.Of(KeyedDocument, server.Url, Profile(server.Url, "query_parameters:\n  api_key: abc123\n  key_usage_type: signing"));
        Assert.That(run.Program.ExitCode, Is.EqualTo(2), run.Program.All);
        Assert.That(run.Program.All, Does.Contain("api_key").And.Contain("security scheme").And.Not.Contain("abc123"));
        Assert.That(server.Received, Is.Empty, "refused before any request");
    }

    // ---- 6. YAML that YAML 1.2 allows is read; YAML that is invalid is refused with its line

    private const string QuirkDocument = "openapi: 3.0.3\ninfo:\n  title: t\n  version: \"1\"\n  description: |\n  \n    Text after a blank line that holds exactly the parent indentation.\n"
        + "paths:\n  /notes:\n    get:\n      description: |\n      \n        The same, deeper.\n      responses:\n"
        + "        \"200\": {description: notes, content: {application/json: {schema: {type: object, required: [data]}}}}\n";

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task Yaml_whose_blank_lines_hold_spaces_is_read(bool broken, string verdict)
    {
        using var server = new DocumentServer(_ => Answer.Json(broken ? "{}" : """{"data": []}"""));
        var run = await AnySpecRun.Of(QuirkDocument, server.Url);
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
    }

    [Test]
    public async Task Yaml_that_is_invalid_is_refused_with_its_line()
    {
        using var server = new DocumentServer(_ => Answer.Json("{}"));
        var run = await AnySpecRun.Of("openapi: 3.0.3\ninfo:\n  title: t\n  version: \"1\"\npaths:\n  /notes:\n    get: [unclosed\n      responses: {}\n", server.Url);
        Assert.That(run.Program.ExitCode, Is.EqualTo(2), run.Program.All);
        Assert.That(Cli.Words(run.Program.All), Does.Contain("neither JSON nor YAML").And.Match(@"line [0-9]+"));
    }

    // ---- 7. Evidence only from the schemas that decided

    private const string AlternativesDocument = """
        openapi: 3.0.3
        info: {title: Things, version: "1"}
        paths:
          /things:
            get:
              responses:
                "200":
                  description: a thing
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, name]
                        properties:
                          id: {anyOf: [{type: string}, {type: integer, format: int64}]}
                          code: {oneOf: [{type: string, maxLength: 3}, {type: integer}]}
                          name: {type: string}
        """;

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task A_branch_that_lost_is_no_evidence(bool broken, string verdict)
    {
        using var server = new DocumentServer(_ => Answer.Json(broken ? """{"id": "abc", "code": "AB"}""" : """{"id": "abc", "code": 7, "name": "x"}"""));
        var run = await AnySpecRun.Of(AlternativesDocument, server.Url);
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        if (!broken) return;
        var schema = run.Result("response-schema", "GET /things");
        var evidence = schema["message"] + "\n" + string.Join("\n", schema["details"]!.AsArray());
        Assert.That(evidence, Does.Contain("name"));
        Assert.That(evidence, Does.Not.Contain("whole number").And.Not.Contain("/id").And.Not.Contain("/code"), "id and code matched a branch");
    }

    // ---- 8. Diagnostics that are true, in one place, once with a count

    private const string Swagger2Document = """
        swagger: "2.0"
        info: {title: Lists, version: "1"}
        paths:
          /a:
            get:
              parameters:
                - {name: ids, in: query, type: array, items: {type: string}, uniqueItems: true, maxItems: 5, collectionFormat: csv}
                - {name: sort, in: query, type: string, sortable: true}
              responses: {"200": {description: a, schema: {type: object, required: [data]}}}
          /b:
            get:
              parameters:
                - {name: ids, in: query, type: array, items: {type: string}, uniqueItems: true}
                - {name: sort, in: query, type: string, sortable: true}
              responses: {"200": {description: b, schema: {type: object, required: [data]}}}
          /c:
            get:
              parameters:
                - {name: sort, in: query, type: string, sortable: true}
              responses: {"200": {description: c, schema: {type: object, required: [data]}}}
        """;

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task Diagnostics_are_true_and_told_once_with_a_count(bool broken, string verdict)
    {
        using var server = new DocumentServer(_ => Answer.Json(broken ? "{}" : """{"data": []}"""));
        var run = await AnySpecRun.Of(Swagger2Document, server.Url);
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        var diagnostics = run.Diagnostics.ToList();
        Assert.That(diagnostics, Has.None.Contains("uniqueItems").And.None.Contains("maxItems"), "valid on a Swagger 2.0 parameter");
        Assert.That(diagnostics.Where(d => d.Contains("sortable")).ToList(), Has.Count.EqualTo(1).And.Some.Contains("3 places"), string.Join("\n", diagnostics));
        Assert.That(diagnostics.Single(d => d.Contains("sortable")), Does.StartWith("/paths/~1a/get/parameters"), "the first place, as a pointer that exists");
    }

    [Test]
    public async Task A_reference_into_another_file_is_not_called_circular()
    {
        var dir = IntegrationTests.Cli.TempDir();
        await File.WriteAllTextAsync(Path.Combine(dir, "shared.yaml"), "Leaf:\n  type: object\n  required: [data]\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "openapi.yaml"), """
            openapi: 3.0.3
            info: {title: Split, version: "1"}
            paths:
              /a:
                get:
                  parameters: [{name: x, in: query, schema: {$ref: './shared.yaml#/Leaf'}}]
                  responses:
                    "200": {description: a, content: {application/json: {schema: {$ref: '#/components/schemas/Leaf'}}}}
            components:
              schemas:
                Leaf: {$ref: './shared.yaml#/Leaf'}
            """);
        using var server = new DocumentServer(_ => Answer.Json("""{"data": []}"""));
        var result = await IntegrationTests.Cli.RunAsync("run", "--spec", Path.Combine(dir, "openapi.yaml"), "--url", server.Url, "--out", Path.Combine(dir, "out"),
            "--rate", "unlimited", "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        Assert.That(File.ReadAllText(Path.Combine(dir, "out", "report.json")), Does.Not.Contain("ircular"));
    }

    // ---- 9. Profile values as the text the user wrote

    private const string RegionsDocument = """
        openapi: 3.0.3
        info: {title: Regions, version: "1"}
        paths:
          /regions/{ARS}:
            get:
              parameters:
                - {name: ARS, in: path, required: true, schema: {type: string}}
                - {name: date, in: query, required: true, schema: {type: string, format: date}}
              responses: {"200": {description: a region, content: {application/json: {schema: {type: object, required: [data]}}}}, "404": {description: none}}
        """;

    [TestCase(false, Pass)]
    [TestCase(true, Fail)]
    public async Task Profile_values_are_the_text_written(bool broken, string verdict)
    {
        using var server = new DocumentServer(asked => asked.Path == "/regions/091620000000" && asked.Query.GetValueOrDefault("date") == "2024-01-01"
            ? Answer.Json(broken ? "{}" : """{"data": {}}""") : new Answer(404, "application/json", "{}"));
        var run = await AnySpecRun.Of(RegionsDocument, server.Url, Profile(server.Url, "path_parameters:\n  ARS: 091620000000\nquery_parameters:\n  date: 2024-01-01"));
        Assert.That(run.Verdict, Is.EqualTo(verdict), run.Describe());
        Assert.That(server.Received.Select(r => r.Path), Does.Contain("/regions/091620000000"));
    }
}
