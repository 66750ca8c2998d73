using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

public class FeedNotEmptyCheckTests
{
    private readonly FeedNotEmptyCheck _check = new();

    [Test]
    public void A_page_with_records_satisfies_it() =>
        Assert.That(Single(_check, Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 1, 1, Service(Id1)), page: 1))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_empty_feed_violates_it() =>
        Assert.That(Single(_check, Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 0, 0), page: 1))).Kind,
            Is.EqualTo(FindingKind.Violated));
}

public class FeedNotEmptyFromZeroTests
{
    [Test]
    public void A_feed_counting_from_0_is_judged_by_page_0_not_by_the_page_1_asked_for_first()
    {
        var run = Run("/services", OperationRole.List,
            JsonExchange("/services", Page(1, 1, 1).Apply(p => p["first_page"] = false), page: 1),
            JsonExchange("/services", Page(0, 1, 1, Service(Id1)), page: 0)) with { FirstPage = 0 };
        Assert.That(Single(new FeedNotEmptyCheck(), run).Message, Is.EqualTo("The first page holds 1 record(s)."));
    }
}
