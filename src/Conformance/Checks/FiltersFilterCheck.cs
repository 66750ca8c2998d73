using Conformance.Http;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>
/// Filters filter: a list asked for with a filter (a value taken from a record already fetched) returns only
/// records that satisfy it, and among them the record the value came from; two filters at once must both
/// hold. A record the list shows only in part is judged by its whole form where the harness fetched it, and
/// not at all otherwise. A filter no fetched record has a value for could not be tested, and says so.
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
        foreach (var probe in tested)
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
            var records = probe.Responses.SelectMany(r => Runner.RecordsOn(r, pagination).Select(record => (r, record))).ToList();
            foreach (var (response, record) in records)
            {
                var id = Runner.IdOf(record, probe.IdParameter);
                var whole = probe.Known.FirstOrDefault(k => id is not null && string.Equals(Runner.IdOf(k, probe.IdParameter), id, StringComparison.OrdinalIgnoreCase)) ?? record;
                foreach (var condition in probe.Conditions)
                    if ((FilterMatching.Satisfies(whole, condition) ?? FilterMatching.Satisfies(record, condition)) == false)
                        problems.Add((response, $"{probe.Describe()} returned record {id} whose {condition.Filter.Field} does not match {condition.Value}"));
            }
            var complete = pagination is null || Runner.IsLastPage(last, pagination);
            if (complete && probe.SourceId is not null
                && records.All(x => !string.Equals(Runner.IdOf(x.record, probe.IdParameter), probe.SourceId, StringComparison.OrdinalIgnoreCase)))
                problems.Add((last, $"{probe.Describe()} left out record {probe.SourceId}, which has that value"));
        }
        if (tested.Count == 0)
        {
            yield return Skipped(run, string.Join("; ", untested) + ".");
            yield break;
        }
        var note = untested.Count == 0 ? "" : $" ({string.Join("; ", untested)})";
        yield return Judge(run, problems, $"{string.Join(", ", tested.Select(t => t.Describe()))}: only matching records, the expected one among them{note}.");
    }
}
