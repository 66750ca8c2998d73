using Conformance.Checks;
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
