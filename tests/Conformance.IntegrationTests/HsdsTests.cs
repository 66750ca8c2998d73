#nullable disable warnings // NUnit constraint lambdas take nullable parameters
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>HSDS 3.0: the reference passes; a defect fails on the clause meant for it and nothing else.</summary>
public class HsdsTests
{
    private const string Prefix = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static OpenReferralService Reference()
    {
        var root = ConformanceRun.DefaultCatalogue().Root;
        return new OpenReferralService(ReferenceData.Load(Path.Combine(root, "hsds-3.0", "reference"), Path.Combine(root, "oruk-3.0", "reference")),
            organizations: true);
    }

    private static async Task<RunResult> Run(Handler handler, bool published = false)
    {
        using var server = ReferenceServer.Start(handler);
        var map = new RefMap();
        if (published) map.Add(Prefix, SharedFolder.Upstream("hsds-3.0", "schema"));
        return await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "hsds-3.0", Target = new Uri(server.Url), SpecFetch = new FetchPolicy(map),
            SpecOverride = published ? SharedFolder.Upstream("hsds-3.0", "schema", "openapi.json") : null,
        }, ConformanceRun.DefaultCatalogue());
    }

    private static string Describe(RunResult result) => string.Join("\n",
        result.Results.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Outcome} {r.Check} {r.Operation}: {r.Message}"));

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_reference_implementation_passes_all_eleven_endpoints(bool published)
    {
        var result = await Run(Reference().Handle, published);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass), Describe(result));
        Assert.That(result.Results.Select(r => r.Operation).Distinct().Count(), Is.EqualTo(11));
        if (published)
            Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.StartsWith("Erratum HSDS-3.0-E1 applied"));
    }

    [Test]
    public async Task A_discovery_document_without_a_profile_fails_the_discovery_clause()
    {
        var reference = Reference();
        var result = await Run((method, path, query) =>
        {
            var answer = reference.Handle(method, path, query);
            if (path == "/") answer.Body!.AsObject().Remove("profile");
            return answer;
        });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        var failures = result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Clause).Distinct().ToList();
        Assert.That(failures, Is.SubsetOf(new[] { "HSDS-3.0/discovery", "HSDS-3.0/schema" }), Describe(result));
        Assert.That(failures, Does.Contain("HSDS-3.0/discovery"));
    }

    [Test]
    public async Task A_broken_optional_organization_endpoint_only_warns()
    {
        var reference = Reference();
        var result = await Run((method, path, query) => path.StartsWith("/organizations/")
            ? ReferenceResponse.Ok(new JsonObject { ["id"] = "not-a-uuid", ["name"] = "Nameless" })
            : reference.Handle(method, path, query));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings), Describe(result));
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Warning).Select(r => r.Operation), Is.All.EqualTo("GET /organizations/{id}"));
    }
}
