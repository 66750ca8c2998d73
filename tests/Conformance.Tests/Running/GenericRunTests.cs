using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.Tests.Running;

/// <summary>Any OpenAPI document, no standard: the generic checks on every safe operation.</summary>
public class GenericRunTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Pets, version: "1"}
        paths:
          /pets:
            get:
              responses:
                "200":
                  description: all pets
                  content:
                    application/json:
                      schema: {type: object, required: [data], properties: {data: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}
            post:
              responses: {"201": {description: created}}
          /pets/{petId}:
            get:
              parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
              responses:
                "200": {description: a pet, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                "404": {description: none}
          /search:
            get:
              parameters: [{name: q, in: query, required: true, schema: {type: string}}]
              responses: {"200": {description: found}}
          /owners/{ownerId}/pets:
            get:
              parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: their pets, content: {application/json: {schema: {type: array}}}}}
        components:
          schemas:
            Pet: {type: object, required: [id, name], properties: {id: {type: string}, name: {type: string}}}
        """;

    private static readonly JsonObject[] Pets =
    [
        new() { ["id"] = "p1", ["name"] = "Rex" },
        new() { ["id"] = "p2", ["name"] = "Tess" },
    ];

    private static ReferenceResponse Conforming(string method, string path, IReadOnlyDictionary<string, string> query) => path switch
    {
        "/pets" => ReferenceResponse.Ok(new JsonObject { ["data"] = new JsonArray(Pets.Select(p => (JsonNode)p.DeepClone()).ToArray()) }),
        _ when path.StartsWith("/pets/") && Pets.FirstOrDefault(p => p["id"]!.ToString() == path[6..]) is { } pet => ReferenceResponse.Ok(pet.DeepClone()),
        _ when path.StartsWith("/owners/") => ReferenceResponse.Ok(new JsonArray()),
        _ => ReferenceResponse.Error(404, "none"),
    };

    private static (Conformance.Standards.Profile, Conformance.Specs.Spec) Prepare()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("generic-").FullName, "pets.yaml");
        File.WriteAllText(file, Spec);
        return ConformanceRun.Prepare(null, file, new FetchPolicy(), ConformanceRun.DefaultCatalogue());
    }

    private static async Task<RunResult> Run(Handler handler,
        IReadOnlyDictionary<string, string>? pathValues = null)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("generic-").FullName, "pets.yaml");
        await File.WriteAllTextAsync(file, Spec);
        var (profile, spec) = ConformanceRun.Prepare(null, file, new FetchPolicy(), ConformanceRun.DefaultCatalogue());
        using var server = ReferenceServer.Start(handler);
        var request = new RunRequest
        {
            Target = new Uri(server.Url), SpecOverride = file,
            Options = new RunOptions { PathValues = pathValues ?? new Dictionary<string, string>() },
        };
        return await ConformanceRun.ExecuteAsync(request, profile, spec);
    }

    [Test]
    public async Task A_conforming_server_passes_ids_are_harvested_and_the_rest_is_skipped_with_reasons()
    {
        var result = await Run(Conforming);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), "operations it could not call leave the run without the evidence for a pass");
        Assert.That(result.Coverage.Where(c => c.IsGap).Select(c => c.Operation), Is.EquivalentTo(new[] { "GET /search", "GET /owners/{ownerId}/pets" }),
            "reads it could not make are gaps; the write it must not make is not");
        Assert.That(result.Count(Outcome.Fail), Is.Zero);
        var skipped = result.Results.Where(r => r.Outcome == Outcome.Skipped).ToDictionary(r => r.Operation, r => r.Message);
        Assert.That(skipped["POST /pets"], Does.Contain("is a write").And.Contain("never sent"));
        Assert.That(skipped["GET /search"], Does.Contain("requires q (query)"));
        Assert.That(skipped["GET /owners/{ownerId}/pets"], Does.Contain("path_parameters"));
        Assert.That(result.Results.Single(r => r.Check == "response-schema" && r.Operation == "GET /pets/{petId}").Outcome, Is.EqualTo(Outcome.Pass),
            "ids came from GET /pets");
    }

    [Test]
    public async Task No_origin_header_is_sent_where_the_standard_has_no_cors_rule()
    {
        using var server = ReferenceServer.Start(Conforming);
        var file = Path.Combine(Directory.CreateTempSubdirectory("generic-").FullName, "pets.yaml");
        await File.WriteAllTextAsync(file, Spec);
        var (profile, spec) = ConformanceRun.Prepare(null, file, new FetchPolicy(), ConformanceRun.DefaultCatalogue());
        await ConformanceRun.ExecuteAsync(new RunRequest { Target = new Uri(server.Url), SpecOverride = file }, profile, spec);
        Assert.That(server.Requests, Is.Not.Empty);
        Assert.That(server.Requests.Where(r => r.Headers.ContainsKey("Origin")), Is.Empty);
    }

    [Test]
    public async Task An_undocumented_401_without_credentials_fails_nothing()
    {
        var result = await Run((_, _, _) => ReferenceResponse.Error(401, "who are you?"));
        Assert.That(result.Count(Outcome.Fail), Is.Zero, string.Join("\n", result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Message)));
    }

    [Test]
    public void Listed_ids_come_before_fixed_path_values_and_trailing_slashes_keep_their_parent()
    {
        Assert.That(TargetUrls.ParentList("/things/{thing_id}/"), Is.EqualTo("/things"));
        var (profile, spec) = Prepare();
        var plan = Planner.Plan(spec, profile, new Dictionary<string, string> { ["petId"] = "p9", ["ownerId"] = "o1" });
        Assert.That(plan.Single(c => c.Operation.Path == "/pets/{petId}").IdSource, Is.EqualTo("/pets"));
        Assert.That(plan.Single(c => c.Operation.Path == "/owners/{ownerId}/pets").SkipReason, Is.Null);
    }

    [Test]
    public async Task Path_values_from_a_vendor_profile_are_used()
    {
        var result = await Run(Conforming, new Dictionary<string, string> { ["ownerId"] = "o 1" });
        Assert.That(result.Results.Single(r => r.Check == "endpoint-answers" && r.Operation == "GET /owners/{ownerId}/pets").Outcome,
            Is.EqualTo(Outcome.Pass));
    }

    [Test]
    public async Task Server_errors_and_invalid_bodies_fail_on_their_own_clauses()
    {
        var result = await Run((m, path, q) => path switch
        {
            "/pets" => ReferenceResponse.Ok(new JsonObject { ["data"] = new JsonArray(new JsonObject { ["id"] = "p1" }) }),
            _ => ReferenceResponse.Error(500, "boom"),
        });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        var failed = result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => (r.Check, r.Operation, r.Clause)).ToList();
        Assert.That(failed, Does.Contain(("response-schema", "GET /pets", "OAS/response-schema")));
        Assert.That(failed, Does.Contain(("no-server-error", "GET /pets/{petId}", "OAS/no-server-error")));
        Assert.That(failed.Select(f => f.Check), Does.Not.Contain("status-code-documented"), "a 5xx is blamed once, on no-server-error");
    }

    [Test]
    public async Task An_api_that_wants_credentials_is_skipped_not_failed_when_none_were_given()
    {
        var result = await Run((_, _, _) => ReferenceResponse.Error(401, "who are you?"));
        var answers = result.Results.Where(r => r.Check == "endpoint-answers" && r.Operation == "GET /pets").Single();
        Assert.That(answers.Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(answers.Message, Does.Contain("needs credentials"));
    }
}
