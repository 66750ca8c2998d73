using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Reference.Parking;

namespace Conformance.Tests.Reference.Parking;

/// <summary>
/// The NPP reference platform behaves as the NPP document and the APDS notes say, on its own data: the behaviours the
/// parking checks (geography, references, versions, pagination, expand, time windows) will be proven against.
/// </summary>
public class ParkingServiceTests
{
    private static string Data => Path.Combine(Fixtures.RepositoryRoot(), "standards", "npp-1.0", "reference");
    private ParkingService _service = null!;

    [SetUp]
    public void Fresh() => _service = new ParkingService(ParkingData.Load(Data)); // writes change it: a new one for each test

    private ReferenceResponse Ask(string method, string path, string query = "", string? body = null) =>
        _service.Handle(new ReferenceRequest(method, path,
            query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1])),
            new Dictionary<string, string>(), body));

    private JsonObject Get(string path, string query = "")
    {
        var answer = Ask("GET", path, query);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Render());
        return (JsonObject)answer.Body!;
    }

    /// <summary>The ids on one page, or on every page (up to five) where the query names none.</summary>
    private List<string> Ids(string path, string query = "") => query.Contains("page=")
        ? Get(path, query)["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList()
        : Enumerable.Range(1, 5).SelectMany(page => Ids(path, query.Length == 0 ? $"page={page}" : $"{query}&page={page}")).ToList();

    private static long Long(JsonNode? node) => long.Parse(node!.ToJsonString());

    [Test]
    public void Lists_are_paginated_by_page_with_a_consistent_meta_and_no_overlap()
    {
        var first = Get("/places");
        var second = Get("/places", "page=2");
        Assert.That(Long(first["meta"]!["offset"]), Is.Zero);
        Assert.That(Long(second["meta"]!["offset"]), Is.EqualTo(ParkingService.PageSize));
        Assert.That(Long(first["meta"]!["pageSize"]), Is.EqualTo(ParkingService.PageSize));
        Assert.That(Long(first["meta"]!["total"]), Is.EqualTo(13), "14 places, one of them deleted");
        Assert.That(Long(first["meta"]!["referenceInstant"]), Is.EqualTo(Long(second["meta"]!["referenceInstant"])));
        var page1 = Ids("/places", "page=1");
        var page2 = Ids("/places", "page=2");
        Assert.That(page1, Has.Count.EqualTo(ParkingService.PageSize));
        Assert.That(page2, Has.Count.EqualTo(3));
        Assert.That(page1.Intersect(page2), Is.Empty);
        Assert.That(Ids("/places", "page=3"), Is.Empty, "past the last page: an empty page");
        Assert.That(Ask("GET", "/places", "page=0").Status, Is.EqualTo(400));
        Assert.That(Ask("GET", "/places", "page=two").Status, Is.EqualTo(400));
    }

    [Test]
    public void The_great_circle_distance_is_right()
    {
        // London (Charing Cross) to Manchester (Albert Square): about 262 km.
        Assert.That(GreatCircle.Metres(51.5074, -0.1278, 53.4808, -2.2426), Is.EqualTo(262_000).Within(1_500));
        Assert.That(GreatCircle.Metres(50.7, -1.98, 50.7, -1.98), Is.Zero);
    }

    [TestCase(50.71262, -1.98421, 0)]
    [TestCase(50.71262, -1.98421, 500)]
    [TestCase(50.71262, -1.98421, 1500)]
    [TestCase(50.69331, -1.94702, 4000)]
    public void The_geographic_filter_returns_exactly_the_places_within_the_radius(double latitude, double longitude, int radius)
    {
        var all = Enumerable.Range(1, 2).SelectMany(page => Get("/places", $"page={page}")["data"]!.AsArray().OfType<JsonObject>()).ToList();
        var expected = all.Where(p => ParkingService.Point(p) is { } at && GreatCircle.Metres(latitude, longitude, at.Latitude, at.Longitude) <= radius)
            .Select(p => p["id"]!.GetValue<string>()).Order().ToList();
        var query = $"latitude={latitude}&longitude={longitude}&radius={radius}";
        Assert.That(Ids("/places", query).Order(), Is.EqualTo(expected));
        Assert.That(expected, radius == 0 ? Has.Count.EqualTo(1) : Has.Count.GreaterThan(1), "the cases mean something");
    }

    [Test]
    public void Geography_reaches_records_through_their_places_and_needs_all_three_parameters()
    {
        // Around the residents' zone H1 (Harbour Road): its permits, their rates, rights and sessions; not the beach.
        const string zone = "latitude=50.71133&longitude=-1.98907&radius=300";
        Assert.That(Ids("/rights/specs", zone), Is.EquivalentTo(new[] { "rs-resident-h1", "rs-visitor-h1" }));
        Assert.That(Ids("/rates", zone), Is.EquivalentTo(new[] { "rate-resident-annual", "rate-visitor-day" }));
        Assert.That(Ids("/rights/assigned", zone), Is.EquivalentTo(new[] { "ar-res-0001", "ar-res-0002", "ar-vis-0001" }));
        Assert.That(Ids("/sessions", zone), Is.EquivalentTo(new[] { "se-0002", "se-0003" }));
        Assert.That(Ask("GET", "/places", "latitude=50.7&longitude=-1.9").Status, Is.EqualTo(400));
        Assert.That(Ask("GET", "/places", "latitude=95&longitude=-1.9&radius=10").Status, Is.EqualTo(400));
    }

    [Test]
    public void Places_right_specifications_and_credentials_filter_and_combine()
    {
        Assert.That(Ids("/rights/specs", "place=hb-os-harbour-road"), Is.EquivalentTo(new[] { "rs-resident-h1", "rs-visitor-h1" }));
        Assert.That(Ids("/rights/specs", "place=hb-os-harbour-road,hb-cp-beach"), Has.Count.EqualTo(3), "a comma list is any of them");
        Assert.That(Ids("/rights/assigned", "right_spec=rs-resident-h1"), Is.EquivalentTo(new[] { "ar-res-0001", "ar-res-0002" }));
        Assert.That(Ids("/rights/assigned", "credential_id=HB17YTA"), Is.EqualTo(new[] { "ar-res-0002" }), "the plate added in version 2");
        Assert.That(Ids("/rights/assigned", "credential_id=HB17YTA&right_spec=rs-visitor-h1"), Is.Empty, "filters together all hold");
        Assert.That(Ids("/rates", "right_spec=rs-pay-and-stay"), Is.EqualTo(new[] { "rate-pay-and-stay" }));
        Assert.That(Ids("/rates", "place=hb-os-chapel-lane"), Is.EquivalentTo(new[] { "rate-resident-annual", "rate-visitor-day" }));
        Assert.That(Ids("/sessions", "credential_id=KN68VOP"), Is.EqualTo(new[] { "se-0001" }));
        Assert.That(Ids("/sessions", "right_spec=rs-visitor-h1"), Is.EqualTo(new[] { "se-0003" }));
        Assert.That(Ids("/places", "type=space"), Is.EquivalentTo(new[] { "hb-sp-quayside-ev1", "hb-sp-quayside-ev2" }));
        Assert.That(Ids("/places", "structure_type=onStreet"), Has.Count.EqualTo(4));
        Assert.That(Ids("/places", "name=afon"), Is.EqualTo(new[] { "hb-os-ffordd-yr-afon" }), "a name in any language, any case");
        Assert.That(Ids("/places", "right_type=permitParking"), Is.EquivalentTo(new[] { "hb-os-chapel-lane", "hb-os-harbour-road" }));
    }

    [Test]
    public void Time_windows_and_modified_since_filter_by_unix_instants()
    {
        var april = DateTimeOffset.Parse("2026-04-01T00:00:00Z").ToUnixTimeSeconds();
        Assert.That(Ids("/sessions", $"start_after={april}"), Is.EqualTo(new[] { "se-0004" }));
        Assert.That(Ids("/sessions", $"end_before={april}"), Is.EquivalentTo(new[] { "se-0001", "se-0002", "se-0003" }), "the open session has not ended");
        Assert.That(Ids("/sessions", $"end_after={april}"), Is.EqualTo(new[] { "se-0004" }), "an open session ends after any instant");
        Assert.That(Ids("/rights/assigned", $"start_after={april}"), Is.EqualTo(new[] { "ar-pay-0002" }));
        var january = DateTimeOffset.Parse("2026-01-31T00:00:00Z").ToUnixTimeSeconds();
        var changed = Get("/places", $"modified_since={january}");
        Assert.That(changed["data"]!.AsArray(), Is.Empty, "no place changed since");
        var deleted = changed["deletedReferences"]!.AsArray().Single()!;
        Assert.That(deleted["id"]!.GetValue<string>(), Is.EqualTo("hb-cp-old-gasworks"));
        Assert.That(deleted["deleteTimestamp"]!.GetValue<string>(), Is.EqualTo("2026-02-01T08:00:00Z"));
        Assert.That(Get("/places")["deletedReferences"], Is.Null, "only with modified_since");
        Assert.That(Ask("GET", "/sessions", "start_after=yesterday").Status, Is.EqualTo(400));
    }

    [Test]
    public void Expand_adds_the_optional_parts_it_names_and_no_others()
    {
        var whole = Get("/places/hb-cp-quayside");
        var bare = Get("/places/hb-cp-quayside", "expand=none");
        var some = Get("/places/hb-cp-quayside", "expand=characteristics,pointLocation");
        Assert.That(whole.ContainsKey("characteristics") && whole.ContainsKey("contacts") && whole.ContainsKey("rightSpecifications"), "absent expand: everything");
        Assert.That(JsonNode.DeepEquals(whole, Get("/places/hb-cp-quayside", "expand=all")));
        Assert.That(bare.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "version", "type", "layer", "name", "parentId", "hierarchyElementRecord", "timeZone" }));
        Assert.That(some.Select(p => p.Key).Except(bare.Select(p => p.Key)), Is.EquivalentTo(new[] { "characteristics", "indicativePlacePointLocation" }));
        Assert.That(Get("/rights/assigned/ar-res-0001", "expand=plannedUses").ContainsKey("assignedRightIssuer"), Is.False);
        Assert.That(Get("/sessions/se-0001", "expand=none")["segments"]![0]!.AsObject().ContainsKey("spaceId"), Is.False);
        Assert.That(Get("/rates/rate-visitor-day", "expand=none").ContainsKey("rateLineCollections"), "a required part stays");
        Assert.That(Ask("GET", "/places", "expand=everything").Status, Is.EqualTo(400));
    }

    [Test]
    public void A_record_is_served_at_the_version_asked_for_and_at_its_latest_otherwise()
    {
        Assert.That(Long(Get("/rates/rate-pay-and-stay")["version"]), Is.EqualTo(2));
        var first = Get("/rates/rate-pay-and-stay", "version=1");
        Assert.That(Long(first["version"]), Is.EqualTo(1));
        Assert.That(first["rateLineCollections"]![0]!["rateLines"]![0]!["value"]!["currencyValue"]!.GetValue<double>(), Is.EqualTo(1.50));
        Assert.That(Ask("GET", "/rates/rate-pay-and-stay", "version=3").Status, Is.EqualTo(404));
        Assert.That(Ask("GET", "/rates/rate-pay-and-stay", "version=0").Status, Is.EqualTo(400));
        Assert.That(Ask("GET", "/rates/no-such-rate").Status, Is.EqualTo(404));
        Assert.That(Ask("GET", "/places/hb-cp-old-gasworks").Status, Is.EqualTo(404), "a deleted record is gone");
    }

    [Test]
    public void Every_versioned_reference_in_the_data_resolves_at_its_version()
    {
        var targets = new Dictionary<string, string>
        {
            ["rightSpecification"] = "/rights/specs", ["rateTable"] = "/rates", ["assignedRight"] = "/rights/assigned",
            ["hierarchyElement"] = "/places", ["hierarchyElements"] = "/places", ["parentId"] = "/places", ["rightSpecifications"] = "/places",
        };
        var checkedReferences = 0;
        foreach (var list in new[] { "/places", "/rights/specs", "/rates", "/rights/assigned", "/sessions" })
            foreach (var page in new[] { 1, 2 })
                foreach (var record in Get(list, $"page={page}")["data"]!.AsArray().OfType<JsonObject>())
                    foreach (var (field, reference) in References(record))
                    {
                        var path = field == "rightSpecifications" ? "/rights/specs" : targets[field];
                        var found = Ask("GET", $"{path}/{reference["id"]}", $"version={reference["version"]}");
                        Assert.That(found.Status, Is.EqualTo(200), $"{record["id"]}.{field} → {reference.ToJsonString()}");
                        checkedReferences++;
                    }
        Assert.That(checkedReferences, Is.GreaterThan(40));
    }

    private static IEnumerable<(string Field, JsonObject Reference)> References(JsonNode? node, string? field = null)
    {
        switch (node)
        {
            case JsonObject o when field is "rightSpecification" or "rateTable" or "assignedRight" or "hierarchyElement" or "parentId":
                yield return (field, o);
                break;
            case JsonArray a when field is "hierarchyElements" or "rightSpecifications":
                foreach (var item in a.OfType<JsonObject>()) yield return (field, item);
                break;
            case JsonObject o:
                foreach (var (key, value) in o)
                    foreach (var found in References(value, key)) yield return found;
                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var found in References(item, field)) yield return found;
                break;
        }
    }

    [Test]
    public void An_update_names_the_next_version_and_a_stale_one_is_a_conflict()
    {
        var record = Get("/rights/specs/rs-visitor-h1");
        record["version"] = 2;
        record["transferable"] = false;
        Assert.That(Ask("PUT", "/rights/specs/rs-visitor-h1", body: record.ToJsonString()).Status, Is.EqualTo(200));
        Assert.That(Long(Get("/rights/specs/rs-visitor-h1")["version"]), Is.EqualTo(2));
        Assert.That(Get("/rights/specs/rs-visitor-h1", "version=1")["transferable"]!.GetValue<bool>(), Is.True, "the old version is kept");
        var stale = Ask("PUT", "/rights/specs/rs-visitor-h1", body: record.ToJsonString());
        Assert.That(stale.Status, Is.EqualTo(409));
        Assert.That(stale.Body!["status"]!.GetValue<string>(), Is.EqualTo("error"));
        record["version"] = 5;
        Assert.That(Ask("PUT", "/rights/specs/rs-visitor-h1", body: record.ToJsonString()).Status, Is.EqualTo(409), "a version skipped is no increment");
        record["id"] = "another";
        Assert.That(Ask("PUT", "/rights/specs/rs-visitor-h1", body: record.ToJsonString()).Status, Is.EqualTo(400));
        Assert.That(Ask("PUT", "/rights/specs/rs-visitor-h1", body: "not json").Status, Is.EqualTo(400));
    }

    [Test]
    public void A_create_with_a_taken_id_is_a_conflict_and_a_delete_is_listed_as_a_deleted_reference()
    {
        var session = Get("/sessions/se-0004");
        Assert.That(Ask("POST", "/sessions", body: session.ToJsonString()).Status, Is.EqualTo(409));
        session["id"] = "se-0005";
        session["version"] = 1;
        var created = Ask("POST", "/sessions", body: session.ToJsonString());
        Assert.That(created.Status, Is.EqualTo(201));
        Assert.That(created.Body!["status"]!.GetValue<string>(), Is.EqualTo("ok"));
        Assert.That(Ids("/sessions"), Does.Contain("se-0005"));
        var before = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        Assert.That(Ask("DELETE", "/sessions/se-0005").Status, Is.EqualTo(200));
        Assert.That(Ask("GET", "/sessions/se-0005").Status, Is.EqualTo(404));
        Assert.That(Ask("DELETE", "/sessions/se-0005").Status, Is.EqualTo(404));
        Assert.That(Get("/sessions", $"modified_since={before}")["deletedReferences"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()),
            Is.EqualTo(new[] { "se-0005" }));
    }

    [Test]
    public void Every_period_in_the_data_starts_before_it_ends()
    {
        var pairs = new[] { ("actualStart", "actualEnd"), ("startTime", "endTime"), ("validStart", "validEnd"), ("overallStartTime", "overallEndTime"),
            ("validityStart", "validityEnd"), ("issuanceTime", "expiry") };
        var seen = 0;
        foreach (var file in Directory.GetFiles(Data, "*.json").Where(f => !f.EndsWith("clients.json")))
            foreach (var holder in Objects(JsonNode.Parse(File.ReadAllText(file))))
                foreach (var (start, end) in pairs.Where(p => holder[p.Item1] is not null && holder[p.Item2] is not null))
                {
                    Assert.That(DateTimeOffset.Parse(holder[start]!.GetValue<string>()), Is.LessThan(DateTimeOffset.Parse(holder[end]!.GetValue<string>())), holder.ToJsonString());
                    seen++;
                }
        Assert.That(seen, Is.GreaterThan(20));
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
