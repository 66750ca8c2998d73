using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// A filter for what changed since an instant really filters, judged by exclusion at both ends of time: asked for a
/// moment a day to come, nothing has changed since, so no record is returned (a refusal of an instant in the future
/// excludes them too); asked for the epoch, everything has, so as many records are returned as the list holds.
/// </summary>
public sealed class ChangesSinceCheck : Check
{
    public const string CheckId = "modified-since";
    public override string Id => CheckId;
    public override string Title => "Changes since an instant: none since a moment to come, all since the epoch";

    private sealed record Since(long Seconds, bool Future);

    private static bool Applies(OperationRun run, Profile profile) =>
        run.Role == OperationRole.List && run.Operation.Method == "GET" && profile.ChangesSince is { } c && c.Endpoints.Contains(run.Operation.PathTemplate);

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (!Applies(run, context.Profile) || run.Primary is not { IsSuccess: true }) yield break;
        var parameter = context.Profile.ChangesSince!.Parameter;
        var tomorrow = Instants.Seconds(DateTimeOffset.UtcNow.AddDays(1));
        yield return new ProbeRequest($"filter {parameter}={tomorrow} (a day to come)", context.Url(run.Operation.Path, null, $"{parameter}={tomorrow}"))
            { Tag = new Since(tomorrow, Future: true) };
        yield return new ProbeRequest($"filter {parameter}=0 (the epoch)", context.Url(run.Operation.Path, null, $"{parameter}=0")) { Tag = new Since(0, Future: false) };
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (!Applies(run, context.Profile) || run.Primary is not { IsSuccess: true } unfiltered) yield break;
        var parameter = context.Profile.ChangesSince!.Parameter;
        var pagination = context.Profile.Pagination;
        var problems = new List<(Exchange, string)>();
        foreach (var (since, answer) in OwnRequests(run).Where(r => r.Tag is Since).Select(r => ((Since)r.Tag!, r.Exchange)))
        {
            var asked = $"{parameter}={since.Seconds}";
            if (!answer.Answered) problems.Add((answer, $"{asked} got no answer: {answer.TransportError}"));
            else if (answer.Status >= 500) problems.Add((answer, $"{asked} answered {answer.Status}"));
            else if (since.Future)
            {
                if (answer.IsSuccess && AnswerRecords.On(answer, pagination) is { Count: > 0 } records)
                    problems.Add((answer, $"{asked}, a day to come, returned {records.Count} record(s): nothing can have changed since then, so the filter is ignored"));
            }
            else if (!answer.IsSuccess) problems.Add((answer, $"{asked} (the epoch) answered {answer.Status}"));
            else if (Total(answer, pagination) is { } some && Total(unfiltered, pagination) is { } all && some < all)
                problems.Add((answer, $"{asked} (the epoch) returned {some} record(s) of the {all} the list holds: every record has changed since 1970"));
        }
        yield return Judge(run, problems, $"{parameter} a day to come returned no record, and the epoch every record.");
    }

    /// <summary>How many records a list answer says it holds: its total where the pages tell one, else the records on it.</summary>
    private static long? Total(Exchange answer, Pagination? p)
    {
        if (answer.Json.Node is not JsonObject body) return null;
        if (p?.Meta is { } meta && body[meta.Object] is JsonObject state && JsonNumbers.WholeNumber(state[meta.Total]) is { } total) return total;
        if (p is not null && JsonNumbers.WholeNumber(body[p.TotalItems]) is { } items) return items;
        return AnswerRecords.On(answer, p).Count;
    }
}
