using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>expand: a place with every part, none, and each part alone.</summary>
public class ExpandCheckTests
{
    private readonly ExpandCheck _check = new();

    private static readonly JsonObject Whole = new()
    {
        ["id"] = "quayside", ["version"] = 1,
        ["contacts"] = new JsonArray(new JsonObject { ["name"] = "Harbourside parking" }),
        ["characteristics"] = new JsonArray(new JsonObject { ["structureType"] = "multiStorey" }),
        ["times"] = new JsonArray(new JsonObject { ["startTimeOfPeriod"] = "07:00" }),
    };

    private static JsonObject Expanded(string? expand)
    {
        var copy = (JsonObject)Whole.DeepClone();
        var parts = Profile.Expand!.Endpoints["/places/{id}"];
        var kept = expand is null or "all" ? parts.Keys.ToHashSet() : expand.Split(',').ToHashSet();
        foreach (var (name, fields) in parts.Where(p => !kept.Contains(p.Key)))
            foreach (var field in fields) copy.Remove(field);
        return copy;
    }

    private Finding Asked(Func<string?, JsonObject> place)
    {
        var run = Run("/places/{id}", OperationRole.Item, Read("/places/{id}", Whole, "quayside"));
        return Judged(_check, Answered(_check, run, Probing([]), request => Answer(request.Url, place(Query(request.Url).GetValueOrDefault("expand")))));
    }

    [Test]
    public void Each_part_added_alone_and_none_with_none_satisfies_it()
    {
        var finding = Asked(Expanded);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.Contain("3 optional part(s)").And.Contain("characteristics, contacts, openingTimes"));
    }

    [Test]
    public void Expand_ignored_violates_it()
    {
        var finding = Asked(_ => Whole);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("expand=none added contacts (contacts), which it does not name"));
    }

    [Test]
    public void A_part_left_out_when_named_violates_it() =>
        Assert.That(Asked(e => e == "contacts" ? Expanded("none") : Expanded(e)).Message, Does.Contain("expand=contacts left out contacts"));
}
