using System.Globalization;
using Conformance.Evidence;
using Conformance.Running;

namespace Conformance.Checks;

/// <summary>
/// Reports records whose assurance date is older than the standard advises (ORUK: three months), as
/// information: stale data is advice to the publisher, never a conformance fault.
/// </summary>
public sealed class DataFreshnessCheck : Check
{
    public override string Id => "data-freshness";
    public override string Title => "Records were assured recently";

    /// <summary>Today, for the age of a date; a test may fix it.</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (context.Profile.Freshness is not { } freshness || !freshness.Endpoints.Contains(run.Operation.PathTemplate)) yield break;
        var dated = RecordsIn.Run(run, context.Profile.Pagination)
            .Select(x => (x.Exchange, x.Record, Date: FilterMatching.Values(x.Record, freshness.Field).FirstOrDefault()?.ToString()))
            .Where(x => x.Date is not null).ToList();
        if (dated.Count == 0) yield break;
        var oldest = Today().AddDays(-freshness.MaxAgeDays);
        var stale = dated.Where(x => DateOnly.TryParse(x.Date![..Math.Min(10, x.Date!.Length)], CultureInfo.InvariantCulture, out var d) && d < oldest).ToList();
        if (stale.Count == 0)
            yield return Satisfied(run, $"{dated.Count} record(s) assured within {freshness.MaxAgeDays} days.");
        else
            yield return Info(run, $"{stale.Count} of {dated.Count} record(s) were last assured more than {freshness.MaxAgeDays} days ago (before {oldest:yyyy-MM-dd}).",
                stale.Select(x => $"record {Records.IdOf(x.Record, "id")}: {freshness.Field} {x.Date}"), stale[0].Exchange);
    }
}
