using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Tests.Open311;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class IdsUniqueCheckTests
{
    private readonly IdsUniqueCheck _check = new();

    private static OperationRun List(params (JsonObject Body, int Page)[] pages) =>
        Run("/services", OperationRole.List, pages.Select(p => JsonExchange("/services", p.Body, page: p.Page)).ToArray());

    [Test]
    public void Distinct_ids_satisfy_it() =>
        Assert.That(Single(_check, List((Page(1, 2, 4, Service(Id1), Service(Id2)), 1), (Page(2, 2, 4, Service(Id3)), 2))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_id_twice_on_one_page_violates_it()
    {
        var finding = Single(_check, List((Page(1, 1, 3, Service(Id1), Service(Id2, "Other"), Service(Id1)), 1)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Is.EqualTo($"id is given to more than one record; found {Id1} on 2 records of page 1"));
    }

    [Test]
    public void Many_ids_given_twice_are_one_rule_with_a_count_and_each_in_the_details()
    {
        var finding = Single(_check, List((Page(1, 1, 6, Service(Id1), Service(Id2), Service(Id3), Service(Id1), Service(Id2), Service(Id3)), 1)));
        Assert.That(finding.Message, Is.EqualTo($"id is given to more than one record; found {Id1} on 2 records of page 1 (in 3 records)"));
        Assert.That(finding.Details, Has.Count.EqualTo(3));
    }

    [Test]
    public void Uuids_that_differ_only_in_case_are_the_same_id() =>
        Assert.That(Single(_check, List((Page(1, 1, 2, Service(Id1), Service(Id1.ToUpperInvariant())), 1))).Message,
            Does.Contain($"as {Id1} and {Id1.ToUpperInvariant()}: ids that differ only in case are the same id"));

    [Test]
    public void A_duplicate_seen_again_in_a_repeated_request_is_told_once()
    {
        var page = Page(1, 1, 2, Service(Id1), Service(Id1));
        var run = Run("/services", OperationRole.List, JsonExchange("/services", page, page: 1), JsonExchange("/services", page, page: 1) with { Purpose = "without credentials" });
        Assert.That(Single(_check, run).Details, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_id_on_two_pages_is_left_to_pagination_invariants_where_the_profile_cites_it() =>
        Assert.That(Single(_check, List((Page(1, 2, 4, Service(Id1), Service(Id2)), 1), (Page(2, 2, 4, Service(Id2), Service(Id3)), 2))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void Lookups_and_lists_without_an_id_rule_are_not_judged()
    {
        Assert.That(_check.Evaluate(Run("/services/{id}", OperationRole.Item, JsonExchange("/services/x", Service(Id1), id: Id1)), Context), Is.Empty);
        Assert.That(_check.Evaluate(Run("/", OperationRole.Discovery, JsonExchange("/", new JsonObject { ["version"] = "3.0" })), Context), Is.Empty);
    }
}

/// <summary>ORUK 1.0 does not cite pagination-invariants: an id on two sampled pages is ids-unique's, confirmed by fetching the pages again.</summary>
public class IdsUniqueAcrossPagesTests
{
    private static readonly Lazy<CheckContext> V1 = new(() =>
    {
        var (profile, spec) = ConformanceRun.Prepare("oruk-1.0", null, new FetchPolicy(), ConformanceRun.DefaultCatalogue());
        return new CheckContext(spec, profile);
    });

    private static JsonObject Page(params string[] ids) => new()
    {
        ["totalElements"] = 4, ["totalPages"] = 2, ["content"] = new JsonArray(ids.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray()),
    };

    private static readonly IdsUniqueCheck Check = new();

    private static SentRequest At(int page, JsonObject body, PaginationProbes.Kind? kind = null)
    {
        var exchange = JsonExchange("/services", body, page: page) with { Operation = "GET /services", Purpose = kind is null ? $"page {page}" : "page fetched again" };
        return kind is null ? exchange.AskingFor(page: page) : exchange.AskingFor(page: page) with { Owner = Check, Tag = kind };
    }

    private static Finding Judge(params SentRequest[] requests) =>
        Check.Evaluate(new OperationRun(V1.Value.Spec.Find("GET", "/services")!, Conformance.Standards.Tier.Required, OperationRole.List, requests),
            V1.Value).Single();

    [Test]
    public void An_id_on_two_pages_violates_it() =>
        Assert.That(Judge(At(1, Page("1502", "1503")), At(2, Page("1503", "1504"))).Message, Is.EqualTo("the same id is on two pages; found 1503 on page 1 and page 2"));

    [Test]
    public void An_overlap_gone_when_the_pages_are_fetched_again_is_a_feed_that_moved() =>
        Assert.That(Judge(At(1, Page("1502", "1503")), At(2, Page("1503", "1504")),
                At(1, Page("1501", "1502"), PaginationProbes.Kind.Confirm), At(2, Page("1503", "1504"), PaginationProbes.Kind.Confirm)).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void V1_ids_are_compared_exactly() =>
        Assert.That(Judge(At(1, Page("abc", "ABC"))).Kind, Is.EqualTo(FindingKind.Satisfied));
}

public class IdsUniqueOpen311Tests
{
    private static Finding Judge(string services) =>
        new IdsUniqueCheck().Evaluate(Open311Fixtures.Run("/services.{response_format}", Open311Fixtures.XmlFormat, OperationRole.Other,
            Open311Fixtures.Exchange(Open311Fixtures.Operation("/services.{response_format}", Open311Fixtures.XmlFormat), services, Open311Fixtures.XmlFormat)),
            Open311Fixtures.Context).Single();

    [Test]
    public void Distinct_service_codes_satisfy_it() =>
        Assert.That(Judge(Open311Fixtures.Services).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_service_code_given_twice_violates_it() =>
        Assert.That(Judge(Open311Fixtures.Services.Replace("<service_code>42</service_code>", "<service_code>pothole</service_code>")).Message,
            Is.EqualTo("service_code is given to more than one record; found pothole on 2 records of the list"));

    [Test]
    public void Service_codes_that_differ_only_in_case_are_different_codes() =>
        Assert.That(Judge(Open311Fixtures.Services.Replace("<service_code>42</service_code>", "<service_code>POTHOLE</service_code>")).Kind,
            Is.EqualTo(FindingKind.Satisfied));
}
