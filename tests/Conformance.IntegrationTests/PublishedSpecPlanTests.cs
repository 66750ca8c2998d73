using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.IntegrationTests;

/// <summary>
/// Any OpenAPI document: the published GOV.UK Pay, BOPS v2, GOV.UK Notify (multi-file) and Petstore
/// documents load without a crash and every operation is planned, or skipped with the reason.
/// </summary>
public class PublishedSpecPlanTests
{
    [TestCase("govuk-pay/openapi/publicapi_spec.json", 16)]
    [TestCase("bops/engines/bops_api/swagger/v2/swagger_doc.yaml", 18)]
    [TestCase("govuk-notify/openapi/publicapi_spec.json", 11)]
    [TestCase("petstore/oas3.0/src/main/resources/openapi.yaml", 19)]
    [TestCase("petstore/oas3.1/src/main/webapp/design-first/petstore.yaml", 6)]
    public void Every_operation_is_planned_or_skipped_with_a_reason(string relative, int operations)
    {
        var file = SharedFolder.Upstream(relative.Split('/'));
        var (profile, spec) = ConformanceRun.Prepare(null, file, new FetchPolicy(), ConformanceRun.DefaultCatalogue());
        Assert.That(profile.Id, Is.EqualTo(GenericProfile.Id));
        var plan = Planner.Plan(spec, profile);
        Assert.That(plan, Has.Count.EqualTo(operations), string.Join("\n", spec.Diagnostics.Select(d => d.Message)));
        Assert.That(plan.Where(c => c.Operation.Method != "GET").Select(c => c.SkipReason), Is.All.Contains("is a write"));
        Assert.That(plan.Where(c => c.SkipReason is null).Select(c => c.Operation.Method), Is.All.EqualTo("GET"));
        Assert.That(plan, Has.Some.Matches<TestCase>(c => c!.SkipReason is null), "something can be called");
    }

    [Test]
    public void Notify_path_items_in_other_files_are_read_and_reported()
    {
        var file = SharedFolder.Upstream("govuk-notify", "openapi", "publicapi_spec.json");
        var (_, spec) = ConformanceRun.Prepare(null, file, new FetchPolicy(), ConformanceRun.DefaultCatalogue());
        Assert.That(spec.Diagnostics, Has.Some.Matches<SpecDiagnostic>(d => d!.Message.StartsWith("Path item read from")));
        var templates = spec.Operations.Single(o => o.Id == "GET /v2/templates");
        var pointer = templates.ResponseFor(200)!.Content[0].SchemaPointer!;
        var (schema, problem) = spec.Schemas.At(pointer);
        Assert.That(schema, Is.Not.Null, problem);
    }
}
