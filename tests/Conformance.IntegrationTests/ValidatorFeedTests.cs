#nullable disable warnings // NUnit constraint lambdas take nullable parameters
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>
/// The ORUK validator's own feeds must get the verdicts its SOURCE.md says they should, both with our
/// transcription and with the published ORUK 3.0 document (where the errata make the difference).
/// </summary>
public class ValidatorFeedTests
{
    private const string UkProfilePrefix = "https://raw.githubusercontent.com/openreferral/uk-profile/main/";

    private static async Task<RunResult> Run(string feed, bool published)
    {
        using var server = ValidatorFeed.Start(feed);
        var refMap = new RefMap();
        string? spec = null;
        if (published)
        {
            spec = SharedFolder.Upstream("oruk-3.0", "openapi.json");
            refMap.Add(UkProfilePrefix, SharedFolder.Upstream("oruk-3.0", "uk-profile"));
        }
        var request = new RunRequest { StandardId = "oruk-3.0", Target = new Uri(server.Url), SpecOverride = spec, SpecFetch = new FetchPolicy(refMap) };
        return await ConformanceRun.ExecuteAsync(request, ConformanceRun.DefaultCatalogue());
    }

    private static string Describe(RunResult result) => string.Join("\n",
        result.Results.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Outcome} {r.Check} {r.Operation}: {r.Message}"));

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_default_feed_passes(bool published)
    {
        // The validator's feeds are static files: they ignore every query. The validator does not test filters; we do
        // (a SHOULD), so the only findings are that the filters are ignored, which is true of these mocks.
        var result = await Run("Default", published);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings), Describe(result));
        Assert.That(result.Results.Where(r => r.Outcome != Outcome.Pass && r.Outcome != Outcome.Info && r.Outcome != Outcome.Skipped),
            Is.All.Matches<CheckResult>(r => r.Check == "filters-filter" && r.Outcome == Outcome.Warning && r.Message.Contains("the filter is ignored")));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_warn_feed_passes_with_warnings_on_optional_endpoints_only(bool published)
    {
        var result = await Run("Warn", published);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.PassWithWarnings), Describe(result));
        var warnings = result.Results.Where(r => r.Outcome == Outcome.Warning && r.Check != "filters-filter").ToList(); // static mocks ignore filters
        Assert.That(warnings.Select(w => w.Tier), Is.All.EqualTo(Standards.Tier.Optional));
        Assert.That(warnings, Has.Some.Matches<CheckResult>(w =>
            w.Check == "response-schema" && w.Operation == "GET /taxonomy_terms/{id}" && w.Details.Any(d => d.Contains("/term_uri"))));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_fail_feed_fails_and_names_its_defects(bool published)
    {
        var result = await Run("Fail", published);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail), Describe(result));
        var failures = result.Results.Where(r => r.Outcome == Outcome.Fail).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Has.Some.Matches<CheckResult>(f => f.Check == "root-document" && f.Message.Contains("'profile' is missing")));
            Assert.That(failures, Has.Some.Matches<CheckResult>(f => f.Check == "response-schema" && f.Operation == "GET /services/{id}"
                && f.Details.Any(d => d.Contains("/url") && d.Contains("uri")) && f.Details.Any(d => d.Contains("/email") && d.Contains("email"))));
            Assert.That(failures, Has.Some.Matches<CheckResult>(f => f.Check == "pagination-envelope" && f.Operation == "GET /services"
                && f.Message.Contains("size is 1 but contents holds 4")));
        });
    }

    [Test]
    public async Task The_published_document_is_corrected_by_named_errata_reported_as_diagnostics()
    {
        var result = await Run("Default", published: true);
        var errata = result.Diagnostics.Where(d => d.Kind == SpecDiagnostic.Erratum).Select(d => d.Message).ToList();
        Assert.That(errata, Has.Some.StartsWith("Erratum ORUK-3.0-E1 applied"));
        Assert.That(errata, Has.Some.StartsWith("Erratum ORUK-3.0-E2 applied"));
        Assert.That(errata, Has.Some.StartsWith("Erratum ORUK-3.0-E3 applied"));
        Assert.That(result.Diagnostics, Has.None.Matches<SpecDiagnostic>(d => d.Kind == SpecDiagnostic.Parse && d.Message.Contains("time")),
            "after E3 the document no longer has the invalid 'time' type");
    }
}
