using Conformance.Checks;
using Conformance.Standards;

namespace Conformance.Tests.Standards;

public class ProfileLoaderTests
{
    /// <summary>A profile file with the given clauses (indented YAML) and any further top-level keys.</summary>
    internal static string Write(string clauses, string extra = "", string endpoint = "/nowhere")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "openapi.json"), "{}");
        var file = Path.Combine(dir, "profile.yaml");
        File.WriteAllText(file, $$"""
            id: test-1.0
            name: Test
            version: "1.0"
            spec: {transcription: openapi.json, published: "https://example.org/openapi.json", upstream: "example @1"}
            endpoints: {required: ["{{endpoint}}"]}
            clauses:
            {{clauses}}
            {{extra}}
            """);
        return file;
    }

    [Test]
    public void A_profile_carries_the_sha256_of_its_file_so_a_certificate_can_name_it()
    {
        var file = Write("  - {id: T/1, level: MUST, statement: s, source: x, checks: [cors-allow-origin]}");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        Assert.That(ProfileLoader.Load(file, CheckCatalogue.Ids).Digest, Is.EqualTo(digest));
        File.AppendAllText(file, "\n# a comment changes the file, so the digest\n");
        Assert.That(ProfileLoader.Load(file, CheckCatalogue.Ids).Digest, Is.Not.EqualTo(digest));
    }

    [Test]
    public void The_oruk_profile_loads_with_its_clauses_and_errata()
    {
        var profile = Fixtures.Profile;
        Assert.That(profile.Endpoints.Required, Is.EqualTo(new[] { "/", "/services", "/services/{id}" }));
        Assert.That(profile.Endpoints.Optional, Has.Count.EqualTo(6));
        Assert.That(profile.Errata.Select(e => e.Id), Is.EqualTo(new[] { "ORUK-3.0-E1", "ORUK-3.0-E2", "ORUK-3.0-E3" }));
        Assert.That(profile.ClauseFor("cors-allow-origin")!.Level, Is.EqualTo(Level.Must));
        Assert.That(profile.ClauseFor("feed-not-empty")!.Level, Is.EqualTo(Level.Should));
        Assert.That(CheckCatalogue.Ids.Where(id => profile.ClauseFor(id) is null),
            Is.EquivalentTo(new[] { "content-type-documented", "format-by-extension", "datetime-timezone", "jurisdiction-errors", "write-accepted",
                "attribute-order-unique", "list-attribute-values", "page-meta", "geographic-filter", "time-windows", "modified-since", "references-resolve",
                "expand", "validity-periods", "oauth2-scopes", "versions" }),
            "every check but the generic media-type one (ORUK asks for JSON: content-type-json), Open311's own (its formats, timezones, jurisdictions, write and service definitions) and the parking ones (APDS pages, geography, time windows, versions, expand, periods, OAuth2 scopes) cites an ORUK clause");
    }

    [Test]
    public void An_unknown_check_is_refused_naming_the_file() =>
        Assert.That(() => ProfileLoader.Load(Write("  - {id: T/1, level: MUST, statement: s, source: x, checks: [no-such-check]}"), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>().With.Message.Contains("profile.yaml, line 7").And.Message.Contains("no-such-check"));

    [Test]
    public void A_profile_that_is_not_a_mapping_is_refused_naming_the_file()
    {
        var file = Write("");
        File.WriteAllText(file, "- just\n- a list\n");
        Assert.That(() => ProfileLoader.Load(file, CheckCatalogue.Ids), Throws.TypeOf<ProfileException>().With.Message.Contains("profile.yaml"));
    }

    [Test]
    public void An_unknown_key_is_refused_so_typos_are_not_silent() =>
        Assert.That(() => ProfileLoader.Load(Write("  - {id: T/1, level: MUST, statement: s, source: x, chekcs: [cors-allow-origin]}"), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>().With.Message.Contains("unknown key 'chekcs'"));

    [Test]
    public void A_standard_id_cannot_leave_the_standards_folder() =>
        Assert.That(() => Conformance.Running.ConformanceRun.DefaultCatalogue().Load("../oruk-3.0"),
            Throws.TypeOf<ProfileException>().With.Message.Contains("Unknown standard"));

    [Test]
    public void A_filter_the_spec_does_not_document_is_refused()
    {
        var file = Write("  - {id: T/1, level: MUST, statement: s, source: x}", "filters:\n  - {parameter: colour, endpoints: [/services], meaning: m}");
        var profile = ProfileLoader.Load(file, CheckCatalogue.Ids);
        Assert.That(() => ProfileLoader.ValidateFilters(profile, Fixtures.Spec),
            Throws.TypeOf<ProfileException>().With.Message.Contains("colour").And.Message.Contains("line 9"));
    }

    [Test]
    public void The_installed_profiles_filters_match_their_specs()
    {
        var catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue();
        foreach (var id in catalogue.Ids)
            Assert.That(() => Conformance.Running.ConformanceRun.Prepare(id, null, new Conformance.Specs.FetchPolicy(), catalogue), Throws.Nothing, id);
        Assert.That(catalogue.Load("hsds-3.0").Filters.Select(f => f.Parameter), Does.Contain("organization_id"));
    }

    [Test]
    public void A_clause_without_a_level_is_refused() =>
        Assert.That(() => ProfileLoader.Load(Write("  - {id: T/0, level: MUST, statement: s, source: x}\n  - {id: T/1, statement: s, source: x}"), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>().With.Message.Contains("line 8").And.Message.Contains("level"));

    [Test]
    public void A_level_that_is_not_rfc_2119_is_refused() =>
        Assert.That(() => ProfileLoader.Load(Write("  - {id: T/1, level: OUGHT, statement: s, source: x}"), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>());

    [Test]
    public void A_check_cited_by_two_clauses_is_refused() =>
        Assert.That(() => ProfileLoader.Load(Write("""
              - {id: T/1, level: MUST, statement: s, source: x, checks: [cors-allow-origin]}
              - {id: T/2, level: SHOULD, statement: s, source: x, checks: [cors-allow-origin]}
            """), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>().With.Message.Contains("more than one clause"));

    [Test]
    public void An_endpoint_the_spec_lacks_is_refused()
    {
        var profile = ProfileLoader.Load(Write("  - {id: T/1, level: MUST, statement: s, source: x}"), CheckCatalogue.Ids);
        Assert.That(() => ProfileLoader.ValidateAgainst(profile, Fixtures.Spec),
            Throws.TypeOf<ProfileException>().With.Message.Contains("/nowhere").And.Message.Contains("line 5"));
    }
}

public class ProfileLoaderIdTests
{
    private static string Write(string extra) => ProfileLoaderTests.Write("  []", extra, "/services");

    [Test]
    public void A_list_given_two_id_fields_is_refused() =>
        Assert.That(() => ProfileLoader.Load(Write("unique_ids: [{field: id, endpoints: [/services]}, {field: code, endpoints: [/services]}]"), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>().With.Message.Contains("unique_ids names /services more than once"));

    [Test]
    public void A_pagination_without_a_records_field_is_refused() =>
        Assert.That(() => ProfileLoader.Load(Write("pagination: {contents: []}"), CheckCatalogue.Ids),
            Throws.TypeOf<ProfileException>().With.Message.Contains("pagination.contents names no field"));

    [Test]
    public void An_id_rule_for_a_list_the_spec_lacks_is_refused() =>
        Assert.That(() => ProfileLoader.ValidateAgainst(ProfileLoader.Load(Write("unique_ids: [{field: id, endpoints: [/gadgets]}]"), CheckCatalogue.Ids), Fixtures.Spec),
            Throws.TypeOf<ProfileException>().With.Message.Contains("/gadgets"));
}
