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
}
