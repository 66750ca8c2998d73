using System.Globalization;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// Reports records whose assurance date is older than the standard advises (ORUK: three months), as
/// information: stale data is advice to the publisher, never a conformance fault.
/// </summary>
public sealed class DataFreshnessCheck : PageCheck
{
    public const string CheckId = "data-freshness";
    public override string Id => CheckId;
    public override string Title => "Records were assured recently";

    /// <summary>Today, for the age of a date; a test may fix it.</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    public override Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context) =>
        new Dates(this, role, context, context.Profile.Freshness is { } f && f.Endpoints.Contains(operation.PathTemplate) ? f : null);

    private sealed class Dates(DataFreshnessCheck check, OperationRole role, CheckContext context, Standards.Freshness? freshness) : Judgement
    {
        private int _dated;
        private int _stale;
        private Exchange? _firstStale;
        private readonly List<string> _details = [];

        public override void Observe(Exchange exchange)
        {
            if (freshness is null || !exchange.IsSuccess || exchange.Json.Node is null) return;
            var oldest = check.Today().AddDays(-freshness.MaxAgeDays);
            foreach (var record in OrdinaryRecords.Of(exchange, role, context.Profile.Pagination))
            {
                if (FilterMatching.Values(record, freshness.Field).FirstOrDefault()?.ToString() is not { } date) continue;
                _dated++;
                if (!DateOnly.TryParse(date[..Math.Min(10, date.Length)], CultureInfo.InvariantCulture, out var d) || d >= oldest) continue;
                _stale++;
                _firstStale ??= exchange;
                if (_details.Count < MaxDetails) _details.Add($"record {AnswerRecords.IdOf(record, "id")}: {freshness.Field} {date}");
            }
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (freshness is null || _dated == 0) yield break;
            var oldest = check.Today().AddDays(-freshness.MaxAgeDays);
            if (_stale == 0)
                yield return check.Satisfied(run, $"{_dated} record(s) assured within {freshness.MaxAgeDays} days.");
            else
                yield return check.Info(run, $"{_stale} of {_dated} record(s) were last assured more than {freshness.MaxAgeDays} days ago (before {oldest:yyyy-MM-dd}).",
                    _details, _firstStale);
        }
    }
}
