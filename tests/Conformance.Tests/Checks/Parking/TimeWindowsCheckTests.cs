using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>time-windows: each window asked with an instant between the sessions' starts (or ends), judged by exclusion.</summary>
public class TimeWindowsCheckTests
{
    private readonly TimeWindowsCheck _check = new();

    private static JsonObject Session(string id, string start, string? end) => new JsonObject { ["id"] = id, ["version"] = 1, ["actualStart"] = start }
        .Apply(s => { if (end is not null) s["actualEnd"] = end; });

    private static readonly JsonObject[] Sessions =
    [
        Session("morning", "2026-03-02T08:00:00Z", "2026-03-02T09:30:00Z"),
        Session("noon", "2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z"),
        Session("evening", "2026-03-02T18:00:00Z", null), // still parked: it has no end
    ];

    /// <summary>A server applying each window with <paramref name="keep"/> (parameter, instant, record) → returned.</summary>
    private Finding Asked(Func<string, DateTimeOffset, JsonObject, bool> keep)
    {
        var run = Run("/sessions", OperationRole.List, Read("/sessions", Page(1, Sessions.Length, Sessions)));
        return Judged(_check, Answered(_check, run, Probing(new() { ["/sessions"] = [.. Sessions] }), request =>
        {
            var (parameter, value) = Query(request.Url).First(q => q.Key != "page");
            var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(value));
            var kept = Sessions.Where(s => keep(parameter, at, s)).ToArray();
            return Answer(request.Url, Page(1, kept.Length, kept));
        }));
    }

    private static bool Strictly(string parameter, DateTimeOffset at, JsonObject session)
    {
        var start = Instants.Of(session["actualStart"])!.Value;
        var end = Instants.Of(session["actualEnd"]);
        return parameter switch
        {
            "start_after" => start > at,
            "start_before" => start < at,
            "end_after" => end is null || end > at,
            _ => end is not null && end < at,
        };
    }

    [Test]
    public void Windows_that_return_the_records_on_their_side_satisfy_it()
    {
        var finding = Asked(Strictly);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.Contain("start_after=").And.Contain("end_before="));
    }

    [Test]
    public void A_window_that_is_ignored_violates_it()
    {
        var finding = Asked((parameter, at, s) => parameter == "start_after" || Strictly(parameter, at, s));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("returned record morning, whose actualStart are not after"));
    }

    [Test]
    public void A_window_that_leaves_out_records_on_its_side_violates_it() =>
        Assert.That(Asked((parameter, at, s) => parameter != "end_before" && Strictly(parameter, at, s)).Message, Does.Contain("end_before=").And.Contain("left out record morning"));

    [Test]
    public void An_inclusive_comparison_satisfies_it_for_the_instant_is_never_one_of_the_records() =>
        Assert.That(Asked((parameter, at, s) => Strictly(parameter, parameter.EndsWith("after") ? at.AddSeconds(-1) : at.AddSeconds(1), s)).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_right_whose_start_fields_disagree_is_not_judged()
    {
        // Issued in December for a year from January: the instant asked lies between the two, so either reading holds.
        var right = new JsonObject
        {
            ["id"] = "permit", ["version"] = 1, ["issuanceTime"] = "2025-12-18T10:00:00Z", ["expiry"] = "2026-12-31T23:59:59Z",
            ["plannedUses"] = new JsonArray(new JsonObject { ["startTime"] = "2026-01-01T00:00:00Z", ["endTime"] = "2026-12-31T23:59:59Z" }),
        };
        var run = Run("/rights/assigned", OperationRole.List, Read("/rights/assigned", Page(1, 1, right)));
        var asked = Answered(_check, run, Probing(new() { ["/rights/assigned"] = [right] }), request => Answer(request.Url, Page(1, 1, right)));
        Assert.That(asked.Requests.Where(r => r.Owner == _check).Select(r => Query(r.Exchange.Asked!).Keys.First()), Is.EquivalentTo(new[] { "start_after", "start_before" }),
            "two starts to ask between; one end (the expiry and the planned use's end agree) gives none");
        Assert.That(Judged(_check, asked).Kind, Is.EqualTo(FindingKind.Satisfied), "returned for both sides of the instant, yet on neither by every field");
    }
}
