using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;

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
    public override string Id => "filters-filter";
    public override string Title => "Filters return only, and all, the matching records";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Filters.Count == 0) yield break;
        var pagination = context.Profile.Pagination;
        var problems = new List<(Exchange, string)>();
        var untested = run.Filters.Where(f => f.CouldNotTest is not null).Select(f => f.CouldNotTest!).ToList();
        var tested = run.Filters.Where(f => f.CouldNotTest is null).ToList();
        // Results the harness would not read (an XML DTD) show nothing either way.
        foreach (var notRead in tested.Where(f => f.Responses.Any(r => r.BodyRefused)).ToList())
        {
            untested.Add($"{notRead.Describe()} could not be judged: {notRead.Responses.First(r => r.BodyRefused).Json.Error}");
            tested.Remove(notRead);
        }
        foreach (var probe in tested.Where(p => p.Excludes))
            if (Ignored(probe, run.Primary, pagination) is { } ignored)
                problems.Add((probe.Responses[0], ignored));
        foreach (var probe in tested.Where(p => !p.Excludes))
        {
            var last = probe.Responses[^1];
            if (probe.Responses.FirstOrDefault(r => !r.IsSuccess) is { } refused)
            {
                problems.Add((refused, refused.Answered
                    ? $"{probe.Describe()} answered {refused.Status}, though the value comes from the feed's own data"
                    : $"{probe.Describe()} got no answer: {refused.TransportError}"));
                continue;
            }
            if (probe.Responses.FirstOrDefault(r => r.Json.Error is not null) is { } unreadable)
            {
                problems.Add((unreadable, $"the results of {probe.Describe()} cannot be read: {unreadable.Json.Error}"));
                continue;
            }
            var records = probe.Responses.SelectMany(r => Records.On(r, pagination).Select(record => (r, record))).ToList();
            foreach (var (response, record) in records)
            {
                var id = Records.IdOf(record, probe.IdParameter);
                var whole = probe.Known.FirstOrDefault(k => id is not null && string.Equals(Records.IdOf(k, probe.IdParameter), id, StringComparison.OrdinalIgnoreCase)) ?? record;
                foreach (var condition in probe.Conditions)
                    if ((FilterMatching.Satisfies(whole, condition) ?? FilterMatching.Satisfies(record, condition)) == false)
                        problems.Add((response, $"{probe.Describe()} returned record {id} whose {condition.Filter.FieldName} does not match {condition.Value}"));
            }
            var complete = pagination is null || Records.IsLastPage(last, pagination);
            if (complete && probe.SourceId is not null
                && records.All(x => !string.Equals(Records.IdOf(x.record, probe.IdParameter), probe.SourceId, StringComparison.OrdinalIgnoreCase)))
                problems.Add((last, $"{probe.Describe()} left out record {probe.SourceId}, which has that value"));
        }
        if (tested.Count == 0)
        {
            yield return Skipped(run, string.Join("; ", untested) + ".");
            yield break;
        }
        var parts = new[]
        {
            tested.Where(t => !t.Excludes).Select(t => t.Describe()).ToList() is { Count: > 0 } matching
                ? $"{string.Join(", ", matching)}: only matching records, the expected one among them" : null,
            tested.Where(t => t.Excludes).Select(t => t.Describe()).ToList() is { Count: > 0 } excluding
                ? $"{string.Join(", ", excluding)} (values no record has): fewer records" : null,
            untested.Count > 0 ? $"not tested: {string.Join("; ", untested)}" : null,
        };
        yield return Judge(run, problems, string.Join("; ", parts.OfType<string>()) + ".");
    }

    /// <summary>Why a value no record has shows the filter ignored, or null when it excluded (or was refused).</summary>
    private static string? Ignored(FilterProbe probe, Exchange? unfiltered, Standards.Pagination? pagination)
    {
        var response = probe.Responses[0];
        if (!response.Answered) return $"{probe.Describe()} got no answer: {response.TransportError}";
        if (response.Status >= 500) return $"{probe.Describe()}, a value no record has, answered {response.Status}";
        if (!response.IsSuccess) return null; // refusing a value nothing has is excluding it
        if (response.Json.Error is { } unreadable) return $"{probe.Describe()} answered {response.Status} with a body that cannot be read as the list ({unreadable})";
        var returned = Records.On(response, pagination).Count;
        if (returned == 0) return null; // an empty page excluded everything, whatever its envelope claims
        var all = Total(unfiltered, pagination);
        var filtered = Total(response, pagination);
        return all is > 0 && filtered >= all
            ? $"{probe.Describe()}, a value no record has, returned {returned} record(s), as many as the list without it: the filter is ignored"
            : null;
    }

    /// <summary>How many records a list answer says it has: the envelope's total, else the records it holds.</summary>
    private static long? Total(Exchange? answer, Standards.Pagination? pagination)
    {
        if (answer is not { IsSuccess: true } || answer.Json.Node is null) return null;
        if (pagination is not null && answer.Json.Node is System.Text.Json.Nodes.JsonObject page && JsonNumbers.WholeNumber(page[pagination.TotalItems]) is { } total)
            return total;
        return Records.On(answer, pagination).Count;
    }
}
