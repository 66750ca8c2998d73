using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class PaginationEnvelopeCheckTests
{
    private readonly PaginationEnvelopeCheck _check = new();

    private static Finding Judge(params (JsonObject Body, int Page)[] pages) =>
        Single(new PaginationEnvelopeCheck(), Run("/services", OperationRole.List,
            pages.Select(p => JsonExchange("/services", p.Body, page: p.Page)).ToArray()));

    [Test]
    public void Consistent_first_middle_and_last_pages_satisfy_it() =>
        Assert.That(Judge(
            (Page(1, 3, 5, Service(Id1), Service(Id2)), 1),
            (Page(2, 3, 5, Service(Id3), Service(Id1)), 2),
            (Page(3, 3, 5, Service(Id2)), 3)).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_single_page_feed_satisfies_it() =>
        Assert.That(Judge((Page(1, 1, 1, Service(Id1)), 1)).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_size_that_disagrees_with_contents_violates_it()
    {
        var page = Page(1, 1, 1, Service(Id1), Service(Id2), Service(Id3));
        page["size"] = 1;
        var finding = Judge((page, 1));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("size is 1 but contents holds 3"));
    }

    [Test]
    public void A_page_that_answers_with_another_page_number_violates_it() =>
        Assert.That(Judge((Page(1, 10, 10, Service(Id1)), 1), (Page(1, 10, 10, Service(Id1)), 10)).Details,
            Has.Some.Contains("page_number is 1 but page 10 was requested"));

    [Test]
    public void A_wrong_last_page_flag_violates_it()
    {
        var last = Page(2, 2, 3, Service(Id3));
        last["last_page"] = false;
        Assert.That(Judge((Page(1, 2, 3, Service(Id1), Service(Id2)), 1), (last, 2)).Message, Does.Contain("last_page is false on page 2 of 2"));
    }

    [Test]
    public void Totals_that_change_between_pages_violate_it() =>
        Assert.That(Judge((Page(1, 2, 4, Service(Id1), Service(Id2)), 1), (Page(2, 3, 5, Service(Id3)), 2)).Details,
            Has.Some.Contains("total_items changed from 4 to 5"));

    [Test]
    public void Total_pages_that_disagree_with_total_items_violate_it() =>
        Assert.That(Judge((Page(1, 5, 4, Service(Id1), Service(Id2)), 1), (Page(5, 5, 4), 5)).Details,
            Has.Some.Contains("4 items at 2 a page make 2 pages"));

    [Test]
    public void A_short_last_page_may_give_the_page_size_as_size()
    {
        var last = Page(3, 3, 5, Service(Id2));
        last["size"] = 2;
        Assert.That(Judge((Page(1, 3, 5, Service(Id1), Service(Id2)), 1), (last, 3)).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_single_page_that_holds_fewer_records_than_its_total_violates_it()
    {
        var page = Page(1, 1, 25, Service(Id1), Service(Id2));
        Assert.That(Judge((page, 1)).Message, Does.Contain("the only page holds 2 record(s) but total_items is 25"));
    }

    [Test]
    public void A_last_page_that_does_not_add_up_to_the_total_violates_it() =>
        Assert.That(Judge((Page(1, 3, 8, Service(Id1), Service(Id2), Service(Id3)), 1), (Page(3, 3, 8, Service(Id1)), 3)).Details,
            Has.Some.Contains("2 full page(s) of 3 and 1 on the last make 7, but total_items is 8"));

    [Test]
    public void Totals_written_as_3_point_0_are_whole_numbers()
    {
        var page = Page(1, 1, 1, Service(Id1));
        page["total_pages"] = 1.0;
        Assert.That(Judge((page, 1)).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void A_missing_envelope_field_violates_it()
    {
        var page = Page(1, 1, 1, Service(Id1));
        page.Remove("total_pages");
        Assert.That(Judge((page, 1)).Message, Does.Contain("'total_pages' is missing"));
    }

    [Test]
    public void A_later_page_that_is_refused_violates_it()
    {
        var finding = Single(_check, Run("/services", OperationRole.List,
            JsonExchange("/services", Page(1, 3, 5, Service(Id1), Service(Id2)), page: 1),
            JsonExchange("/services", new JsonObject { ["error"] = "gone" }, status: 404, page: 3)));
        Assert.That(finding.Message, Does.Contain("answered 404"));
    }

    [Test]
    public void A_later_page_with_a_server_error_is_left_to_no_server_error()
    {
        var finding = Single(_check, Run("/services", OperationRole.List,
            JsonExchange("/services", Page(1, 3, 5, Service(Id1), Service(Id2)), page: 1),
            JsonExchange("/services", new JsonObject { ["error"] = "boom" }, status: 500, page: 3)));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied));
    }
}

public class PaginationEnvelopeFromZeroTests
{
    /// <summary>A page of a feed counting from 0: number is the index asked for, first on 0, last on totalPages - 1.</summary>
    private static JsonObject ZeroBased(int page, int totalPages, int totalItems, params JsonObject[] records) =>
        Page(page, totalPages, totalItems, records).Apply(p =>
        {
            p["first_page"] = page == 0;
            p["last_page"] = page == totalPages - 1;
        });

    private static Finding Judge(params (JsonObject Body, int Page)[] pages) =>
        Single(new PaginationEnvelopeCheck(), Run("/services", OperationRole.List,
            pages.Select(p => JsonExchange("/services", p.Body, page: p.Page)).ToArray()) with { FirstPage = 0 });

    [Test]
    public void A_feed_counting_from_0_is_judged_by_its_own_numbering_and_told_pages_start_at_1()
    {
        var finding = Judge(
            (ZeroBased(1, 3, 5, Service(Id3), Service(Id1)), 1),
            (ZeroBased(0, 3, 5, Service(Id1), Service(Id2)), 0),
            (ZeroBased(2, 3, 5, Service(Id2)), 2));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Details, Is.EqualTo(new[] { "page 1: pages are counted from 0: page 1 says first_page=false and page 0 is the first, but page numbers start at 1" }));
    }

    [Test]
    public void A_wrong_last_flag_on_a_feed_counting_from_0_is_still_found()
    {
        var last = ZeroBased(2, 3, 5, Service(Id2));
        last["last_page"] = false;
        Assert.That(Judge((ZeroBased(1, 3, 5, Service(Id3), Service(Id1)), 1), (ZeroBased(0, 3, 5, Service(Id1), Service(Id2)), 0), (last, 2)).Details,
            Has.Some.Contains("last_page is false on page 2 of 3"));
    }
}
