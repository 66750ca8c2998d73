using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>page-meta: pages walked from the first agree with their PaginatedListMeta and with each other.</summary>
public class PageMetaCheckTests
{
    private readonly PageMetaCheck _check = new();

    private static JsonObject Place(int i) => new() { ["id"] = $"place-{i}", ["version"] = 1 };

    /// <summary>13 places at 10 a page, served by <paramref name="page"/> (page number → body).</summary>
    private Finding Walked(Func<long, JsonObject> page)
    {
        var run = Run("/places", OperationRole.List, Read("/places", page(1)));
        return Judged(_check, Answered(_check, run, Probing([]), request => Answer(request.Url, page(long.Parse(Query(request.Url)["page"])))));
    }

    private static JsonObject Conforming(long page) => Page(page, 13, Enumerable.Range(1, 13).Skip((int)(page - 1) * 10).Take(10).Select(Place).ToArray());

    [Test]
    public void Pages_that_follow_one_another_as_their_meta_says_satisfy_it()
    {
        var finding = Walked(Conforming);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.Contain("all 2 page(s)").And.Contain("13 record(s)"));
    }

    [Test]
    public void An_offset_that_does_not_move_with_the_page_violates_it()
    {
        var finding = Walked(page => Conforming(page).Apply(p => p["meta"]!["offset"] = 0));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("page 2 gives offset 0; its first record is number 10"));
    }

    [Test]
    public void A_record_on_two_pages_violates_it()
    {
        var finding = Walked(page => page == 2 ? Page(2, 13, Place(10), Place(11), Place(12)) : Conforming(page));
        Assert.That(finding.Message, Does.Contain("record place-10 is on page 1 and page 2"));
    }

    [Test]
    public void A_page_past_the_last_that_holds_records_violates_it()
    {
        var finding = Walked(page => page == 3 ? Conforming(2) : Conforming(page));
        Assert.That(finding.Message, Does.Contain("page 3, past the last, holds 3 record(s)"));
    }

    [Test]
    public void A_total_that_changes_between_pages_violates_it() =>
        Assert.That(Walked(page => Conforming(page).Apply(p => p["meta"]!["total"] = page == 2 ? 14 : 13)).Message,
            Does.Contain("page 2 gives total 14, page 1 gave 13"));

    [Test]
    public void A_page_cut_down_once_judged_keeps_its_meta()
    {
        var page = Conforming(2).Apply(p => p["meta"]!["padding"] = new string('x', 10_000));
        var skeleton = PageSkeleton.Of(page, Profile.Pagination!, PageSkeleton.IdFieldsOf(Profile))!;
        Assert.That(skeleton["meta"]!.ToJsonString(), Is.EqualTo("""{"referenceInstant":1767225600,"offset":10,"pageSize":10,"total":13}"""),
            "the state the checks across pages read, and nothing else of it");
    }
}
