using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Running;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

/// <summary>filters-filter, on a taxonomy term filter over /services: only matching records, the source among them.</summary>
public class FiltersFilterCheckTests
{
    private readonly FiltersFilterCheck _check = new();
    private const string Term = "term-1";

    private static JsonObject Whole(string id, params string[] terms) => Service(id).Apply(s =>
        s["attributes"] = new JsonArray(terms.Select(t => (JsonNode)new JsonObject { ["taxonomy_term_id"] = t }).ToArray()));

    private static FilterCondition Condition(string parameter, string value) =>
        new(Fixtures.Profile.Filters.Single(f => f.Parameter == parameter), value);

    private OperationRun Run(JsonObject page, params JsonObject[] known)
    {
        var probe = new FilterProbe([Condition("taxonomy_term_id", Term)], Id1, "id", known);
        var response = JsonExchange("/services", page).For(_check, probe);
        return Fixtures.Run("/services", OperationRole.List, Sent(JsonExchange("/services", Page(1, 1, 1, Service(Id1)), page: 1)), response);
    }

    [Test]
    public void Only_matching_records_with_the_source_among_them_satisfy_it() =>
        Assert.That(Single(_check, Run(Page(1, 1, 1, Service(Id1)), Whole(Id1, Term), Whole(Id2, "term-2"))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_record_known_not_to_match_violates_it()
    {
        var finding = Single(_check, Run(Page(1, 1, 2, Service(Id1), Service(Id2)), Whole(Id1, Term), Whole(Id2, "term-2")));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain($"returned record {Id2}"));
    }

    [Test]
    public void Leaving_out_the_source_record_violates_it()
    {
        var finding = Single(_check, Run(Page(1, 1, 1, Service(Id3)), Whole(Id1, Term)));
        Assert.That(finding.Message, Does.Contain($"left out record {Id1}"));
    }

    [Test]
    public void A_record_shown_only_in_part_and_not_known_whole_is_not_judged() =>
        Assert.That(Single(_check, Run(Page(1, 1, 2, Service(Id1), Service(Id3)), Whole(Id1, Term))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_filter_no_record_has_a_value_for_is_skipped_with_the_reason()
    {
        var run = Fixtures.Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 1, 1, Service(Id1)), page: 1));
        var finding = Single(_check, run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(finding.Message, Does.Contain("could not be tested"));
    }

    [Test]
    public void Values_are_chosen_so_the_source_record_satisfies_them()
    {
        var record = new JsonObject { ["name"] = "Lunch club for carers", ["last_modified"] = "2026-03-01T10:00:00+01:00", ["naive"] = "2026-03-01T10:00:00" };
        var search = Fixtures.Profile.Filters.Single(f => f.Parameter == "search");
        Assert.That(FilterMatching.ValueFrom(record, search), Is.EqualTo("Lunch"), "the first word: a search matching the start of names finds it");
        var after = new Conformance.Standards.Filter { Parameter = "modified_after", Endpoints = [], Meaning = "", Field = ["last_modified"], Match = Conformance.Standards.FilterMatch.After };
        Assert.That(FilterMatching.ValueFrom(record, after), Is.EqualTo("2026-03-01T08:59:59Z"));
        var naive = new Conformance.Standards.Filter { Parameter = "x", Endpoints = [], Meaning = "", Field = ["naive"], Match = Conformance.Standards.FilterMatch.After };
        Assert.That(FilterMatching.ValueFrom(record, naive), Is.Null, "a date-time without a timezone names no instant");
        Assert.That(FilterMatching.Satisfies(record, new FilterCondition(after, "2026-03-01T08:59:59Z")), Is.True);
        Assert.That(FilterMatching.Satisfies(record, new FilterCondition(after, "2026-03-02T00:00:00Z")), Is.False);
    }

    /// <summary>The list (3 services on page 1) asked for with a value no record has, answered as given.</summary>
    private Finding Excluding(Conformance.Http.Exchange answer)
    {
        var probe = new FilterProbe([Condition("search", FilterMatching.NoSuchWord)], null, "id", [], Excludes: true);
        var unfiltered = JsonExchange("/services", Page(1, 1, 3, Service(Id1), Service(Id2), Service(Id3)), page: 1);
        return Single(_check, Fixtures.Run("/services", OperationRole.List, Sent(unfiltered), answer.For(_check, probe)));
    }

    [Test]
    public void A_value_no_record_has_that_returns_every_record_shows_the_filter_ignored()
    {
        var finding = Excluding(JsonExchange("/services", Page(1, 1, 3, Service(Id1), Service(Id2), Service(Id3))));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain($"search={FilterMatching.NoSuchWord}, a value no record has, returned 3 record(s)").And.Contain("the filter is ignored"));
    }

    [Test]
    public void A_value_no_record_has_that_returns_fewer_records_or_is_refused_satisfies_it()
    {
        Assert.That(Excluding(JsonExchange("/services", Page(1, 1, 0))).Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(Excluding(JsonExchange("/services", new JsonObject { ["error"] = "no such term" }, status: 404)).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void An_empty_page_excluded_everything_whatever_total_its_envelope_claims() =>
        Assert.That(Excluding(JsonExchange("/services", Page(1, 1, 3))).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_page_that_cannot_be_read_shows_nothing_excluded() =>
        Assert.That(Excluding(Raw("/services", "<html>search results</html>"u8.ToArray(), contentType: "text/html")).Message,
            Does.Contain("cannot be read as the list"));

    [Test]
    public void A_value_no_record_has_is_one_the_parameter_allows_where_it_lists_them()
    {
        var status = new Conformance.Standards.Filter { Parameter = "status", Endpoints = [], Meaning = "", Field = ["status"], Match = Conformance.Standards.FilterMatch.Same };
        Assert.That(FilterMatching.NoRecordHas(status, "open", ["open", "closed"], new HashSet<string> { "open" }), Is.EqualTo("closed"));
        Assert.That(FilterMatching.NoRecordHas(status, "open", ["open", "closed"], new HashSet<string> { "open", "closed" }), Is.Null,
            "every allowed value is in use: nothing can be asked that no record has");
    }

    [Test]
    public void A_value_no_record_has_answered_with_a_server_error_violates_it() =>
        Assert.That(Excluding(JsonExchange("/services", new JsonObject { ["error"] = "boom" }, status: 500)).Message, Does.Contain("answered 500"));

    [Test]
    public void Nested_taxonomy_terms_give_the_filter_its_values()
    {
        var nested = Service(Id1).Apply(s => s["attributes"] = new JsonArray(new JsonObject { ["taxonomy_term"] = new JsonObject { ["id"] = Term } }));
        var filter = Fixtures.Profile.Filters.Single(f => f.Parameter == "taxonomy_term_id");
        Assert.That(FilterMatching.ValueFrom(nested, filter), Is.EqualTo(Term));
        Assert.That(FilterMatching.Satisfies(nested, new FilterCondition(filter, "term-2")), Is.False);
    }

    [Test]
    public void A_date_that_names_no_real_moment_says_nothing_about_a_date_filter()
    {
        // An impossible date is datetime-timezone's to report: a date filter neither picks it nor blames it.
        var record = new JsonObject { ["last_modified"] = "2014-02-30T25:61:00Z" };
        var after = new Conformance.Standards.Filter { Parameter = "modified_after", Endpoints = [], Meaning = "", Field = ["last_modified"], Match = Conformance.Standards.FilterMatch.After };
        Assert.That(FilterMatching.ValueFrom(record, after), Is.Null);
        Assert.That(FilterMatching.Satisfies(record, new FilterCondition(after, "2026-03-01T08:59:59Z")), Is.Null);
    }
}
