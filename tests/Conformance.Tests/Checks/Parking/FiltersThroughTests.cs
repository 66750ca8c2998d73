using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>
/// filters-filter on filters judged through another list's records: a rate table's places are those of the right
/// specifications that name it; an assigned right's, those of its right specification.
/// </summary>
public class FiltersThroughTests
{
    private readonly FiltersFilterCheck _check = new();

    private static JsonObject Spec(string id, string place, string rate) => new()
    {
        ["id"] = id, ["version"] = 1,
        ["hierarchyElements"] = new JsonArray(new JsonObject { ["id"] = place, ["version"] = 1 }),
        ["rateEligibility"] = new JsonArray(new JsonObject { ["rateTable"] = new JsonObject { ["id"] = rate, ["version"] = 1 } }),
    };

    private static readonly JsonObject[] Specs = [Spec("rs-quayside", "quayside", "rate-short-stay"), Spec("rs-market", "market", "rate-long-stay")];
    private static readonly JsonObject[] Rates = [new() { ["id"] = "rate-short-stay", ["version"] = 1 }, new() { ["id"] = "rate-long-stay", ["version"] = 1 }];

    /// <summary>The rates list asked with each filter, answered by <paramref name="serve"/> (place, right_spec → rate ids).</summary>
    private Finding Rated(Func<string?, string?, IEnumerable<string>> serve)
    {
        var run = Run("/rates", OperationRole.List, Read("/rates", Page(1, 2, Rates)));
        var context = Probing(new() { ["/rates"] = [.. Rates], ["/rights/specs"] = [.. Specs] });
        return Judged(_check, Answered(_check, run, context, request =>
        {
            var query = Query(request.Url);
            var ids = serve(query.GetValueOrDefault("place"), query.GetValueOrDefault("right_spec")).ToHashSet();
            var kept = Rates.Where(r => ids.Contains(r["id"]!.GetValue<string>())).ToArray();
            return Answer(request.Url, Page(1, kept.Length, kept));
        }));
    }

    private static IEnumerable<string> Conforming(string? place, string? spec) =>
        Specs.Where(s => (place is null || s["hierarchyElements"]![0]!["id"]!.GetValue<string>() == place) && (spec is null || s["id"]!.GetValue<string>() == spec))
            .Select(s => s["rateEligibility"]![0]!["rateTable"]!["id"]!.GetValue<string>());

    [Test]
    public void Rates_filtered_by_the_places_of_the_specifications_that_name_them_satisfy_it()
    {
        var finding = Rated(Conforming);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.Contain("place=quayside").And.Contain("right_spec=rs-quayside"));
    }

    [Test]
    public void A_place_filter_ignored_on_rates_violates_it()
    {
        var finding = Rated((place, spec) => Conforming(null, spec));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        // Another specification the run has not read might name the long-stay tariff at the quayside: the value no record
        // has is what shows the filter ignored.
        Assert.That(finding.Message, Does.Contain("place=conformance-no-such-record-0000, a value no record has, returned 2 record(s)").And.Contain("the filter is ignored"));
    }

    [Test]
    public void A_rate_no_known_specification_names_is_not_judged()
    {
        var orphan = new JsonObject { ["id"] = "rate-orphan", ["version"] = 1 };
        var condition = new FilterCondition(Profile.Filters.Single(f => f.Parameter == "place" && f.Endpoints.Contains("/rates")), "quayside", Specs);
        Assert.That(FilterMatching.Satisfies(orphan, condition), Is.Null, "a right specification the run has not read may name it");
        Assert.That(FilterMatching.Satisfies(Rates[1], condition), Is.Null, "named by a known specification elsewhere, and perhaps by an unknown one at the quayside");
        Assert.That(FilterMatching.Satisfies(Rates[0], condition), Is.True);
    }

    [Test]
    public void An_assigned_right_is_judged_by_its_right_specification_places()
    {
        var filter = Profile.Filters.Single(f => f.Parameter == "place" && f.Endpoints.Contains("/rights/assigned"));
        var right = new JsonObject { ["id"] = "ar-1", ["rightSpecification"] = new JsonObject { ["id"] = "rs-market", ["version"] = 1 } };
        Assert.That(FilterMatching.Satisfies(right, new FilterCondition(filter, "quayside", Specs)), Is.False, "its one specification is known, at the market");
        Assert.That(FilterMatching.Satisfies(right, new FilterCondition(filter, "market", Specs)), Is.True);
        Assert.That(FilterMatching.Satisfies(right, new FilterCondition(filter, "market", [])), Is.Null, "its specification not read: not judged");
    }
}
