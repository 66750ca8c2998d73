using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class PaginationInvariantsCheckTests
{
    private readonly PaginationInvariantsCheck _check = new();

    private SentRequest Probe(PaginationProbes.Kind kind, JsonNode body, int status = 200, int? page = null) =>
        JsonExchange("/services", body, status: status, page: page).For(_check, kind);

    private OperationRun Run(JsonObject page2, JsonObject small, SentRequest beyond) =>
        Fixtures.Run("/services", OperationRole.List,
            Sent(JsonExchange("/services", Page(1, 2, 4, Service(Id1), Service(Id2)), page: 1)),
            Sent(JsonExchange("/services", page2, page: 2)),
            Probe(PaginationProbes.Kind.SmallPage, small, page: 1),
            beyond);

    private static readonly JsonObject GoodPage2 = Page(2, 2, 4, Service(Id3), Service("id-4"));
    private static readonly JsonObject GoodSmall = Page(1, 2, 4, Service(Id1), Service(Id2));
    private SentRequest EmptyBeyond => Probe(PaginationProbes.Kind.PastTheEnd, Page(3, 2, 4), page: 3);

    [Test]
    public void Distinct_pages_an_honoured_per_page_and_a_clean_end_satisfy_it() =>
        Assert.That(Single(_check, Run(GoodPage2, GoodSmall, EmptyBeyond)).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_404_after_the_last_page_satisfies_it() =>
        Assert.That(Single(_check, Run(GoodPage2, GoodSmall, Probe(PaginationProbes.Kind.PastTheEnd, new JsonObject(), 404, 3))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_record_on_two_pages_violates_it() =>
        Assert.That(Single(_check, Run(Page(2, 2, 4, Service(Id2), Service(Id3)), GoodSmall, EmptyBeyond)).Message,
            Does.Contain($"the same record is on two pages; found record {Id2} on page 1 and page 2"));

    [Test]
    public void An_overlap_gone_when_the_pages_are_fetched_again_is_a_feed_that_moved_not_a_fault()
    {
        var run = Run(Page(2, 2, 4, Service(Id2), Service(Id3)), GoodSmall, EmptyBeyond);
        var moved = run with { Requests = [.. run.Requests,
            Probe(PaginationProbes.Kind.Confirm, Page(1, 2, 4, Service("id-0"), Service(Id1)), page: 1),
            Probe(PaginationProbes.Kind.Confirm, Page(2, 2, 4, Service(Id2), Service(Id3)), page: 2)] };
        Assert.That(Single(_check, moved).Kind, Is.EqualTo(FindingKind.Satisfied));
        var still = run with { Requests = [.. run.Requests,
            Probe(PaginationProbes.Kind.Confirm, Page(1, 2, 4, Service(Id1), Service(Id2)), page: 1),
            Probe(PaginationProbes.Kind.Confirm, Page(2, 2, 4, Service(Id2), Service(Id3)), page: 2)] };
        Assert.That(Single(_check, still).Message, Does.Contain($"the same record is on two pages; found record {Id2} on page 1 and page 2"));
    }

    [Test]
    public void An_ignored_per_page_violates_it() =>
        Assert.That(Single(_check, Run(GoodPage2, Page(1, 1, 4, Service(Id1), Service(Id2), Service(Id3)), EmptyBeyond)).Message,
            Does.Contain("per_page=2 gave 3 record(s), not 2"));

    [Test]
    public void A_server_error_after_the_last_page_violates_it() =>
        Assert.That(Single(_check, Run(GoodPage2, GoodSmall, Probe(PaginationProbes.Kind.PastTheEnd, new JsonObject(), 500, 3))).Message,
            Does.Contain("past the last, answered 500"));
}
