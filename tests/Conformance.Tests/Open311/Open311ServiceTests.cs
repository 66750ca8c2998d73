using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.Tests.Open311;

/// <summary>The Open311 reference implementation's behaviour, without HTTP.</summary>
public class Open311ServiceTests
{
    private static readonly Open311Data Data = Open311Data.Load(
        Path.Combine(Conformance.Running.ConformanceRun.DefaultCatalogue().Root, "open311-georeport-v2", "reference"));

    private static ReferenceResponse Get(string path, bool several = false, params (string, string)[] query) =>
        new Open311Service(Data, several).Handle("GET", path, query.ToDictionary(q => q.Item1, q => q.Item2));

    [Test]
    public void The_format_is_the_extension()
    {
        var xml = Get("/services.xml");
        var json = Get("/services.json");
        Assert.Multiple(() =>
        {
            Assert.That(xml.ContentType, Does.StartWith("text/xml"));
            Assert.That(xml.Render(), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>").And.Contain("<services>").And.Contain("<service>"));
            Assert.That(json.ContentType, Does.StartWith("application/json"));
            Assert.That(json.Body!.AsArray(), Has.Count.EqualTo(8));
            Assert.That(Get("/services.html").Status, Is.EqualTo(404));
            Assert.That(Get("/services").Status, Is.EqualTo(404));
        });
    }

    [Test]
    public void Jurisdiction_is_optional_for_one_jurisdiction_and_required_for_several()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Get("/services.xml").Status, Is.EqualTo(200));
            Assert.That(Get("/services.xml", several: true).Status, Is.EqualTo(400));
            Assert.That(Get("/services.xml", several: true, ("jurisdiction_id", Open311Data.JurisdictionId)).Status, Is.EqualTo(200));
            Assert.That(Get("/services.json", false, ("jurisdiction_id", "elsewhere.example")).Status, Is.EqualTo(404));
            Assert.That(Get("/services.xml", false, ("jurisdiction_id", "elsewhere.example")).Render(), Does.Contain("<errors>").And.Contain("<error>"));
        });
    }

    [Test]
    public void Requests_filter_by_code_status_and_dates_and_refuse_long_spans()
    {
        JsonArray Requests(params (string, string)[] query) => Get("/requests.json", false, query).Body!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(Requests(), Has.Count.EqualTo(30));
            Assert.That(Requests(("service_code", "pothole,graffiti")).Select(r => r!["service_code"]!.ToString()).Distinct(),
                Is.EquivalentTo(new[] { "pothole", "graffiti" }));
            Assert.That(Requests(("status", "closed")).Select(r => r!["status"]!.ToString()), Is.Not.Empty.And.All.EqualTo("closed"));
            Assert.That(Requests(("start_date", "2026-10-01T00:00:00Z")).Select(r => DateTimeOffset.Parse(r!["requested_datetime"]!.ToString())),
                Is.Not.Empty.And.All.GreaterThanOrEqualTo(DateTimeOffset.Parse("2026-10-01T00:00:00Z")));
            Assert.That(Requests(("service_request_id", "HB-1003,HB-1004"), ("status", "closed")), Has.Count.EqualTo(2), "ids override the other filters");
            Assert.That(Requests(("status", "")), Has.Count.EqualTo(30), "an empty value is the same as none");
            Assert.That(Get("/requests.json", false, ("start_date", "2026-01-01T00:00:00Z"), ("end_date", "2026-12-01T00:00:00Z")).Status, Is.EqualTo(400));
        });
    }

    [Test]
    public void One_request_comes_as_a_list_of_one_and_unknown_ids_are_404()
    {
        Assert.That(Get("/requests/HB-1003.json").Body!.AsArray().Single()!["service_request_id"]!.ToString(), Is.EqualTo("HB-1003"));
        Assert.That(Get("/requests/HB-9999.json").Status, Is.EqualTo(404));
        Assert.That(Get("/services/graffiti.json").Status, Is.EqualTo(404), "a service without metadata has no definition");
        Assert.That(Get("/services/pothole.xml").Render(), Does.Contain("<service_definition>").And.Contain("<attribute>"));
    }
}
