using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.Tests.Reference;

/// <summary>The reference implementation's behaviour, without HTTP.</summary>
public class OpenReferralServiceTests
{
    private static readonly OpenReferralService Service = new(ReferenceData.Load(
        Path.Combine(Conformance.Running.ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference")));

    private static ReferenceResponse Get(string path, params (string, string)[] query) =>
        Service.Handle("GET", path, query.ToDictionary(q => q.Item1, q => q.Item2));

    [Test]
    public void The_root_document_names_the_version_profile_and_openapi_url()
    {
        var root = Get("/").Body!;
        Assert.That(root["version"]!.GetValue<string>(), Is.EqualTo("HSDS-UK-3.0"));
        Assert.That(root["profile"], Is.Not.Null);
        Assert.That(root["openapi_url"], Is.Not.Null);
    }

    [Test]
    public void Lists_honour_page_and_per_page()
    {
        var page = Get("/services", ("page", "3"), ("per_page", "7")).Body!;
        Assert.Multiple(() =>
        {
            Assert.That(page["total_items"]!.GetValue<int>(), Is.EqualTo(25));
            Assert.That(page["total_pages"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(page["page_number"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(page["size"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(page["contents"]!.AsArray(), Has.Count.EqualTo(7));
            Assert.That(page["first_page"]!.GetValue<bool>(), Is.False);
            Assert.That(page["last_page"]!.GetValue<bool>(), Is.False);
        });
        var last = Get("/services", ("page", "4"), ("per_page", "7")).Body!;
        Assert.That(last["size"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(last["last_page"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void Pages_do_not_repeat_records()
    {
        var ids = Enumerable.Range(1, 3).SelectMany(p => Get("/services", ("page", p.ToString())).Body!["contents"]!.AsArray())
            .Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Is.Unique.And.Count.EqualTo(25));
    }

    [Test]
    public void List_items_carry_one_to_one_fields_only()
    {
        var first = Get("/services").Body!["contents"]![0]!.AsObject();
        Assert.That(first.Select(p => p.Value), Has.None.InstanceOf<JsonArray>());
        Assert.That(first["organization"], Is.InstanceOf<JsonObject>());
    }

    [Test]
    public void Every_listed_id_resolves_and_unknown_ids_are_404()
    {
        foreach (var list in new[] { "/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations" })
        {
            var id = Get(list).Body!["contents"]![0]!["id"]!.GetValue<string>();
            var record = Get($"{list}/{id}");
            Assert.That(record.Status, Is.EqualTo(200), list);
            Assert.That(record.Body!["id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(Get($"{list}/no-such-id").Status, Is.EqualTo(404), list);
        }
    }

    [Test]
    public void With_organizations_each_provider_is_listed_and_resolves_with_its_services()
    {
        var root = Conformance.Running.ConformanceRun.DefaultCatalogue().Root;
        var hsds = new OpenReferralService(ReferenceData.Load(Path.Combine(root, "hsds-3.0", "reference"), Path.Combine(root, "oruk-3.0", "reference")), organizations: true);
        var list = hsds.Handle("GET", "/organizations", new Dictionary<string, string>()).Body!;
        Assert.That(list["total_items"]!.GetValue<int>(), Is.EqualTo(10));
        var id = list["contents"]![0]!["id"]!.GetValue<string>();
        var organization = hsds.Handle("GET", $"/organizations/{id}", new Dictionary<string, string>()).Body!;
        Assert.That(organization["services"]!.AsArray(), Is.Not.Empty);
        Assert.That(Get("/organizations").Status, Is.EqualTo(404), "ORUK 3.0 has no /organizations");
    }

    [TestCase("0")]
    [TestCase("two")]
    public void A_bad_page_number_is_a_400(string page) =>
        Assert.That(Get("/services", ("page", page)).Status, Is.EqualTo(400));

    [Test]
    public void Writes_are_refused() =>
        Assert.That(Service.Handle("POST", "/services", new Dictionary<string, string>()).Status, Is.EqualTo(405));

    private static List<JsonObject> Services(params (string, string)[] query) =>
        Get("/services", [("per_page", "100"), .. query]).Body!["contents"]!.AsArray().OfType<JsonObject>().ToList();

    private static readonly List<JsonObject> Full = ReferenceData.Load(
        Path.Combine(Conformance.Running.ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference")).Services.ToList();

    private static JsonObject FullRecord(JsonObject listed) => Full.Single(s => s["id"]!.ToString() == listed["id"]!.ToString());

    [Test]
    public void Filters_filter_and_combine_as_and()
    {
        const string term = "4856f78c-1112-59e7-8fe4-c80ac5ef1523";
        const string organization = "ef56f556-1900-5418-9549-dccb5df3cf8e";
        Assert.Multiple(() =>
        {
            Assert.That(Services(("search", "ADVICE")).Select(s => s["name"]!.ToString()), Is.EquivalentTo(new[] { "Money and debt advice", "Energy bill support" }));
            var byTerm = Services(("taxonomy_term_id", term));
            Assert.That(byTerm, Has.Count.EqualTo(8));
            Assert.That(byTerm.Select(FullRecord), Has.All.Matches<JsonObject>(s => s!["attributes"]!.AsArray().Any(a => a!["taxonomy_term_id"]!.ToString() == term)));
            Assert.That(Services(("organization_id", organization)).Select(s => s["organization_id"]!.ToString()).ToList(), Has.Count.EqualTo(3).And.All.EqualTo(organization));
            Assert.That(Services(("modified_after", "2026-10-01T00:00:00Z")), Has.Count.EqualTo(2));
            Assert.That(Services(("minimum_age", "18")).Select(s => s["minimum_age"]!.GetValue<int>()), Is.Not.Empty.And.All.GreaterThanOrEqualTo(18));
            var both = Services(("taxonomy_term_id", term), ("organization_id", organization));
            Assert.That(both.Select(FullRecord), Has.All.Matches<JsonObject>(s => s!["organization_id"]!.ToString() == organization
                && s["attributes"]!.AsArray().Any(a => a!["taxonomy_term_id"]!.ToString() == term)), "combined filters are cumulative");
            Assert.That(Services(("search", "")), Has.Count.EqualTo(25), "an empty value is no filter");
            Assert.That(Get("/services", ("minimum_age", "eighteen")).Status, Is.EqualTo(400));
            Assert.That(Get("/service_at_locations", ("organization_id", organization), ("per_page", "100")).Body!["contents"]!.AsArray(),
                Has.All.Matches<JsonNode>(r => r!["service"]!["organization_id"]!.ToString() == organization));
        });
    }
}
