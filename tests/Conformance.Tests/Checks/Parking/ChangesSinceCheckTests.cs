using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>modified-since: nothing changed since a moment to come, everything since the epoch.</summary>
public class ChangesSinceCheckTests
{
    private readonly ChangesSinceCheck _check = new();

    private static readonly JsonObject[] Places = Enumerable.Range(1, 3).Select(i => new JsonObject { ["id"] = $"p{i}", ["version"] = 1 }).ToArray();

    private Finding Asked(Func<long, Conformance.Http.Exchange?> answer)
    {
        var run = Run("/places", OperationRole.List, Read("/places", Page(1, 3, Places)));
        return Judged(_check, Answered(_check, run, Probing([]), request =>
            answer(long.Parse(Query(request.Url)["modified_since"])) is { } given ? given with { Url = request.Url.AbsoluteUri } : Answer(request.Url, Page(1, 3, Places))));
    }

    [Test]
    public void None_since_a_moment_to_come_and_all_since_the_epoch_satisfies_it() =>
        Assert.That(Asked(since => since > 0 ? Answer(new Uri(Base), Page(1, 0)) : null).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void Refusing_an_instant_in_the_future_satisfies_it() =>
        Assert.That(Asked(since => since > 0 ? Answer(new Uri(Base), new JsonObject { ["status"] = "error" }, 400) : null).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void Records_changed_since_a_moment_to_come_show_the_filter_ignored()
    {
        var finding = Asked(_ => null);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("a day to come, returned 3 record(s)"));
    }

    [Test]
    public void Fewer_records_since_the_epoch_than_the_list_holds_violates_it() =>
        Assert.That(Asked(since => since > 0 ? Answer(new Uri(Base), Page(1, 0)) : Answer(new Uri(Base), Page(1, 1, Places[0]))).Message,
            Does.Contain("(the epoch) returned 1 record(s) of the 3 the list holds"));
}
