using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// Filters filter: a list asked for with a filter (a value taken from a record already fetched) returns only
/// records that satisfy it, and among them the record the value came from; two filters at once must both
/// hold. A record the list shows only in part is judged by its whole form where the harness fetched it, and
/// not at all otherwise. A filter no fetched record has a value for could not be tested, and says so. A filter
/// asked for with a value no record has must give fewer records than the list without it (or refuse the value):
/// one that is ignored returns its source record too, so only this shows that it excludes.
/// </summary>
public sealed class FiltersFilterCheck : Check
{
    public const string CheckId = "filters-filter";
    public override string Id => CheckId;
    public override string Title => "Filters return only, and all, the matching records";

    /// <summary>Filtered pages read while looking for the record a filter's value came from.</summary>
    private const int FilterPages = 5;

    /// <summary>Filter values come from records other operations fetched (lookups give records whole): asked last.</summary>
    public override ProbeStage ProbesWhen => ProbeStage.AfterAllOperations;

    /// <summary>The list in the format every server offers, answered: the one a filter is asked of.</summary>
    private static bool Filtered(OperationRun run, Profile profile) =>
        run.Operation.Method == "GET" && !run.DeclaredAbsent && run.Format == profile.Formats?.Required && run.Primary is { IsSuccess: true }
        && Judged(run, profile).Count > 0;

    private static List<Filter> Judged(OperationRun run, Profile profile) =>
        profile.Filters.Where(f => f.Match is not null && f.Endpoints.Contains(run.Operation.PathTemplate)).ToList();

    /// <summary>
    /// For each filter: one request with a value taken from a record already fetched, and one with a value no record
    /// has (where the list has records); then one with two filters at once. Each follows the pages of its answer until
    /// the source record is seen or the results end.
    /// </summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        var profile = context.Profile;
        if (!Filtered(run, profile)) yield break;
        var path = run.Operation.Path;
        var whole = context.Known.GetValueOrDefault(path) ?? [];
        var pool = whole.Concat(context.Listed.GetValueOrDefault(path) ?? []).ToList();
        var item = context.Runs.FirstOrDefault(r => r.Role == OperationRole.Item && TargetUrls.ParentList(r.Operation.Path) == path);
        var idParameter = item is null ? "id" : TargetUrls.ParameterNames(item.Operation.Path).Last();

        ProbeRequest Ask(FilterProbe filter, long page) => new(
            $"filter {filter.Describe()}" + (page > run.FirstPage ? $" (page {page})" : ""),
            context.Url(path, null, [.. filter.Conditions.Select(c => $"{Uri.EscapeDataString(c.Filter.Parameter)}={Uri.EscapeDataString(c.Value)}"),
                profile.Pagination is { } p ? $"{p.PageParameter}={page}" : ""]))
        {
            Tag = filter,
            // Stop once the source record is seen, or the results end; a value no record has needs one page.
            Then = answer => filter.Excludes || !answer.IsSuccess || profile.Pagination is null || AnswerRecords.IsLastPage(answer, profile.Pagination)
                             || page + 1 >= run.FirstPage + FilterPages || AnswerRecords.On(answer, profile.Pagination).Any(r => AnswerRecords.IdOf(r, idParameter) == filter.SourceId)
                ? null : Ask(filter, page + 1),
        };

        var judged = Judged(run, profile);
        var listHasRecords = run.Primary is { } first && AnswerRecords.On(first, profile.Pagination).Count > 0;
        foreach (var filter in judged)
        {
            // A filter judged through another list's records reads those the run knows of it.
            var related = filter.Through is { } hop ? Records(context, hop.List) : null;
            var source = pool.Select(r => (Record: r, Value: FilterMatching.ValueFrom(r, filter, related))).FirstOrDefault(x => x.Value is not null);
            if (source.Value is not null)
                yield return Ask(new FilterProbe([new FilterCondition(filter, source.Value, related)], AnswerRecords.IdOf(source.Record, idParameter), idParameter, whole), run.FirstPage);
            // A filter that is ignored returns its source record too: only a value no record has shows it excludes.
            // Asked of a list that has records, with a value the parameter allows (a listed one no record has).
            var allowed = run.Operation.Parameters.FirstOrDefault(p => p.In == "query" && p.Name == filter.Parameter)?.Enum;
            var seen = pool.SelectMany(r => FilterMatching.Reached(r, filter, related).Values).ToHashSet();
            if (listHasRecords && FilterMatching.NoRecordHas(filter, source.Value, allowed, seen) is { } nothing)
                yield return Ask(new FilterProbe([new FilterCondition(filter, nothing, related)], null, idParameter, whole, Excludes: true), run.FirstPage);
        }
        // Filters given together are cumulative: a record that has two values is asked for by both at once.
        var pair = pool.Select(r => (Record: r, Conditions: judged.Where(f => f.Match == FilterMatch.Same && f.Through is null)
                .Select(f => FilterMatching.ValueFrom(r, f) is { } v ? new FilterCondition(f, v) : null).OfType<FilterCondition>().Take(2).ToList()))
            .FirstOrDefault(x => x.Conditions.Count == 2);
        if (pair.Record is not null)
            yield return Ask(new FilterProbe(pair.Conditions, AnswerRecords.IdOf(pair.Record, idParameter), idParameter, whole), run.FirstPage);
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (!Filtered(run, context.Profile)) yield break;
        var pagination = context.Profile.Pagination;
        var problems = new List<(Exchange, string)>();
        var asked = OwnRequests(run).Where(r => r.Tag is FilterProbe).GroupBy(r => (FilterProbe)r.Tag!, r => r.Exchange)
            .Select(g => (Probe: g.Key, Responses: g.ToList())).ToList();
        // A filter no fetched record has a value for could not be asked with one.
        var untested = Judged(run, context.Profile).Where(f => !asked.Any(a => !a.Probe.Excludes && a.Probe.Conditions.Any(c => c.Filter == f)))
            .Select(f => $"{f.Parameter} could not be tested: no record fetched has a value for {f.FieldName}").ToList();
        var tested = asked.ToList();
        // Results the harness would not read (an XML DTD) show nothing either way.
        foreach (var notRead in tested.Where(f => f.Responses.Any(r => r.BodyRefused)).ToList())
        {
            untested.Add($"{notRead.Probe.Describe()} could not be judged: {notRead.Responses.First(r => r.BodyRefused).Json.Error}");
            tested.Remove(notRead);
        }
        foreach (var (probe, responses) in tested.Where(t => t.Probe.Excludes))
            if (Ignored(probe, responses[0], run.Primary, pagination) is { } ignored)
                problems.Add((responses[0], ignored));
        foreach (var (probe, responses) in tested.Where(t => !t.Probe.Excludes))
        {
            var last = responses[^1];
            if (responses.FirstOrDefault(r => !r.IsSuccess) is { } refused)
            {
                problems.Add((refused, refused.Answered
                    ? $"{probe.Describe()} answered {refused.Status}, though the value comes from the feed's own data"
                    : $"{probe.Describe()} got no answer: {refused.TransportError}"));
                continue;
            }
            if (responses.FirstOrDefault(r => r.Json.Error is not null) is { } unreadable)
            {
                problems.Add((unreadable, $"the results of {probe.Describe()} cannot be read: {unreadable.Json.Error}"));
                continue;
            }
            var records = responses.SelectMany(r => AnswerRecords.On(r, pagination).Select(record => (r, record))).ToList();
            foreach (var (response, record) in records)
            {
                var id = AnswerRecords.IdOf(record, probe.IdParameter);
                var whole = probe.Known.FirstOrDefault(k => id is not null && string.Equals(AnswerRecords.IdOf(k, probe.IdParameter), id, StringComparison.OrdinalIgnoreCase)) ?? record;
                foreach (var condition in probe.Conditions)
                    if ((FilterMatching.Satisfies(whole, condition) ?? FilterMatching.Satisfies(record, condition)) == false)
                        problems.Add((response, $"{probe.Describe()} returned record {id} whose {condition.Filter.FieldName} does not match {condition.Value}"));
            }
            var complete = pagination is null || AnswerRecords.IsLastPage(last, pagination);
            if (complete && probe.SourceId is not null
                && records.All(x => !string.Equals(AnswerRecords.IdOf(x.record, probe.IdParameter), probe.SourceId, StringComparison.OrdinalIgnoreCase)))
                problems.Add((last, $"{probe.Describe()} left out record {probe.SourceId}, which has that value"));
        }
        if (tested.Count == 0)
        {
            yield return Skipped(run, string.Join("; ", untested) + ".");
            yield break;
        }
        var parts = new[]
        {
            tested.Where(t => !t.Probe.Excludes).Select(t => t.Probe.Describe()).ToList() is { Count: > 0 } matching
                ? $"{string.Join(", ", matching)}: only matching records, the expected one among them" : null,
            tested.Where(t => t.Probe.Excludes).Select(t => t.Probe.Describe()).ToList() is { Count: > 0 } excluding
                ? $"{string.Join(", ", excluding)} (values no record has): fewer records" : null,
            untested.Count > 0 ? $"not tested: {string.Join("; ", untested)}" : null,
        };
        yield return Judge(run, problems, string.Join("; ", parts.OfType<string>()) + ".");
    }

    /// <summary>The records the run read from a list: fetched whole, then as listed.</summary>
    private static List<JsonObject> Records(ProbeContext context, string path) =>
        (context.Known.GetValueOrDefault(path) ?? []).Concat(context.Listed.GetValueOrDefault(path) ?? []).ToList();

    /// <summary>Why a value no record has shows the filter ignored, or null when it excluded (or was refused).</summary>
    private static string? Ignored(FilterProbe probe, Exchange response, Exchange? unfiltered, Pagination? pagination)
    {
        if (!response.Answered) return $"{probe.Describe()} got no answer: {response.TransportError}";
        if (response.Status >= 500) return $"{probe.Describe()}, a value no record has, answered {response.Status}";
        if (!response.IsSuccess) return null; // refusing a value nothing has is excluding it
        if (response.Json.Error is { } unreadable) return $"{probe.Describe()} answered {response.Status} with a body that cannot be read as the list ({unreadable})";
        var returned = AnswerRecords.On(response, pagination).Count;
        if (returned == 0) return null; // an empty page excluded everything, whatever its envelope claims
        var all = Total(unfiltered, pagination);
        var filtered = Total(response, pagination);
        return all is > 0 && filtered >= all
            ? $"{probe.Describe()}, a value no record has, returned {returned} record(s), as many as the list without it: the filter is ignored"
            : null;
    }

    /// <summary>How many records a list answer says it has: the envelope's total, else the records it holds.</summary>
    private static long? Total(Exchange? answer, Pagination? pagination)
    {
        if (answer is not { IsSuccess: true } || answer.Json.Node is null) return null;
        if (pagination is not null && answer.Json.Node is JsonObject page && JsonNumbers.WholeNumber(page[pagination.TotalItems]) is { } total)
            return total;
        return AnswerRecords.On(answer, pagination).Count;
    }
}
