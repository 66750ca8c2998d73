using Conformance.Drift;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests.Drift;

/// <summary>
/// Drift on the standards' own published documents, which nobody here wrote: the published ORUK 3.0 document says what
/// our transcription says (and what itself says), and HSDS 3.0 read as an ORUK 3.0 supplier's document shows exactly
/// the differences the UK profile is known to make, each named.
/// </summary>
public class PublishedDriftTests
{
    private const string OrukPrefix = "https://raw.githubusercontent.com/openreferral/uk-profile/main/";
    private const string HsdsPrefix = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static readonly Conformance.Standards.StandardCatalogue Catalogue = ConformanceRun.DefaultCatalogue();
    private static readonly Conformance.Standards.Profile Oruk = Catalogue.Load("oruk-3.0");

    private static FetchPolicy Mapped(string prefix, params string[] folder)
    {
        var map = new RefMap();
        map.Add(prefix, SharedFolder.Upstream(folder));
        return new FetchPolicy(map);
    }

    private static Spec PublishedOruk() =>
        new SpecLoader(new SpecSource(Mapped(OrukPrefix, "oruk-3.0", "uk-profile"))).Load(SharedFolder.Upstream("oruk-3.0", "openapi.json"), Oruk.Errata);

    private static DriftReport Compare(Spec standard, Spec supplier) =>
        DriftComparer.Compare(ApiContract.Of(standard), ApiContract.Of(supplier), DriftScope.Of(Oruk));

    [Test]
    public void The_published_ORUK_document_says_what_our_transcription_says()
    {
        var ours = ConformanceRun.Prepare("oruk-3.0", null, new FetchPolicy(), Catalogue).Spec;
        var report = Compare(ours, PublishedOruk());
        Assert.That(report.Differences.Where(d => d.Rule.Kind != DriftKind.Documentation), Is.Empty);
        Assert.That(report.Operations, Has.Count.EqualTo(9));
        // Our transcription words every description itself: drift sees that, and it is documentation only.
        Assert.That(report.Differences, Is.Not.Empty);
    }

    /// <summary>Each standard's published document, with the prefix and folder its remote schemas are read from.</summary>
    private static readonly object[] Published =
    [
        new object[] { "oruk-3.0", "oruk-3.0/openapi.json", OrukPrefix, "oruk-3.0/uk-profile" },
        new object[] { "hsds-3.0", "hsds-3.0/schema/openapi.json", HsdsPrefix, "hsds-3.0/schema" },
        new object[] { "open311-georeport-v2", "open311-georeport-v2/schema/georeport-v2/swagger.json", "", "" },
        new object[] { "oruk-1.0", "oruk-1.0/openapi.json", "", "" },
    ];

    /// <summary>
    /// Through the drift command's own path (the profile's errata applied to the published copy): no difference but
    /// documentation for every installed standard, OpenAPI 2.0, 3.0 and 3.1 alike. (Drift found that our ORUK 1.0
    /// transcription had lost the enums of two parameters the published document gives in a `content` map.)
    /// </summary>
    [TestCaseSource(nameof(Published))]
    public async Task Every_published_document_says_what_our_transcription_says(string standard, string document, string prefix, string folder)
    {
        var fetch = prefix.Length == 0 ? new FetchPolicy() : Mapped(prefix, folder.Split('/'));
        var result = await DriftRun.ExecuteAsync(new DriftRequest { StandardId = standard, Document = SharedFolder.Upstream(document.Split('/')), Fetch = fetch }, Catalogue);
        Assert.That(result.Results.Where(r => r.Outcome != Outcome.Pass && r.Check != DriftRules.DocumentationChanged.Id).Select(r => $"{r.Check} {r.Operation}: {r.Message}"), Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
    }

    [Test]
    public void The_published_ORUK_document_says_what_itself_says()
    {
        var published = PublishedOruk();
        Assert.That(Compare(published, PublishedOruk()).Differences, Is.Empty);
    }

    [Test]
    public async Task HSDS_3_0_read_as_an_ORUK_supplier_document_shows_the_differences_the_UK_profile_makes()
    {
        var result = await DriftRun.ExecuteAsync(new DriftRequest
        {
            StandardId = "oruk-3.0", Document = SharedFolder.Upstream("hsds-3.0", "schema", "openapi.json"), Fetch = Mapped(HsdsPrefix, "hsds-3.0", "schema"),
        }, Catalogue);
        var found = result.Results.Where(r => r.Outcome != Outcome.Pass && r.Check != DriftRules.DocumentationChanged.Id)
            .ToDictionary(r => $"{r.Check} {r.Operation}");

        // Breaking: the UK profile adds five filters to the service lists (age, time and day), which HSDS does not
        // define. /services is a required endpoint (fail), /service_at_locations an optional one (warning).
        string[] filters = ["minimum_age", "maximum_age", "start_time", "end_time", "day"];
        foreach (var (list, outcome) in new[] { ("GET /services", Outcome.Fail), ("GET /service_at_locations", Outcome.Warning) })
        {
            var removed = found[$"request-parameter-removed {list}"];
            Assert.That(removed.Outcome, Is.EqualTo(outcome), list);
            Assert.That(removed.Details, Is.EquivalentTo(filters.Select(f => $"query parameter {f}: the standard defines it; the document does not accept it")));
        }
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(found.Values.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error).Select(r => r.Check).Distinct(),
            Is.EquivalentTo(new[] { "request-parameter-removed" }), "nothing else breaks a client of ORUK 3.0");
        // No response-field-optional on GET /: HSDS requires none of version, profile and openapi_url, but the profile's
        // erratum ORUK-3.0-E2 (the text requires them) applies to any copy of the document, as the notes say (in one line).
        Assert.That(result.Notes, Has.Some.Match(@"applied to the supplier's document \([^)]*ORUK-3\.0-E2"));

        // Compatible, each a difference the UK profile is known to make:
        string[] compatible =
        [
            // ORUK 3.0 has no organization endpoints; HSDS 3.0 does.
            "operation-added GET /organizations", "operation-added GET /organizations/{id}",
            // Filters and options HSDS defines that ORUK's document does not list (its lists accept them all the same).
            "request-parameter-added GET /services", "request-parameter-added GET /service_at_locations",
            "request-parameter-added GET /taxonomies", "request-parameter-added GET /taxonomy_terms",
            // HSDS fields the UK profile leaves out (organizations' tax_status and legal_status, services' program_id and
            // alternate_name, every record's metadata, taxonomy terms' code and language…): they are extra fields to ORUK.
            "response-field-added GET /services", "response-field-added GET /services/{id}", "response-field-added GET /service_at_locations",
            "response-field-added GET /service_at_locations/{id}", "response-field-added GET /taxonomies", "response-field-added GET /taxonomies/{id}",
            "response-field-added GET /taxonomy_terms", "response-field-added GET /taxonomy_terms/{id}",
            // Optional fields the UK profile adds (a taxonomy term's term, a taxonomy's nested terms, service_area's
            // service_area, accessibility's accessibility), which HSDS does not define.
            "response-field-undocumented GET /services/{id}", "response-field-undocumented GET /taxonomies", "response-field-undocumented GET /taxonomies/{id}",
            "response-field-undocumented GET /taxonomy_terms", "response-field-undocumented GET /taxonomy_terms/{id}",
            // HSDS's own document points GET /service_at_locations/{id} at the service schema, the mistake erratum ORUK-3.0-E1
            // corrects in ORUK's copy (its pointer differs in HSDS's, so it does not apply): to ORUK's client, the
            // service_at_location's own fields are left undescribed and the service's are extra.
            "response-field-undocumented GET /service_at_locations/{id}",
        ];
        Assert.That(found.Keys.Where(k => found[k].Outcome == Outcome.Info), Is.EquivalentTo(compatible));
        Assert.That(found["response-field-undocumented GET /taxonomy_terms/{id}"].Details, Is.EqualTo(new[]
            { "response 200 (application/json), field term: an optional field of the standard's that the document does not define" }));
        Assert.That(found["response-field-undocumented GET /service_at_locations/{id}"].Details.Select(d => d.Split(',')[1].Split(':')[0].Trim()),
            Is.EquivalentTo(new[] { "field service_id", "field location_id", "field location", "field service" }));
        Assert.That(found["response-field-added GET /services"].Details, Has.Some.Contains("field contents[].organization.tax_status"));
        Assert.That(found["request-parameter-added GET /services"].Details.Select(d => d.Split(':')[0]),
            Is.EquivalentTo(new[] { "query parameter format", "query parameter organization_id", "query parameter modified_after", "query parameter minimal", "query parameter full" }));
    }
}
