using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// The time-window filters return the records that start (or end) on the asked side of an instant, judged by
/// exclusion: each is asked with an instant between two of the starts (or ends) the run has read, never one of them,
/// so a strict and an inclusive comparison agree. A record returned that starts on the wrong side, or one left out
/// that starts on the right side, breaks the rule. Where a record's start may be read from more than one field, it is
/// judged only where they all agree; one with none (a session not yet ended has no end) is not judged.
/// </summary>
public sealed class TimeWindowsCheck : Check
{
    public const string CheckId = "time-windows";
    public override string Id => CheckId;
    public override string Title => "Time-window filters return the records on the asked side of the instant";

    public override ProbeStage ProbesWhen => ProbeStage.AfterAllOperations;

    /// <summary>One filter asked: the parameter, the instant, which side, the fields, and the records known to be on that side.</summary>
    private sealed record Window(string Parameter, DateTimeOffset At, bool After, IReadOnlyList<string> Fields, IReadOnlyList<string> Expected)
    {
        public string Describe() => $"{Parameter}={Instants.Seconds(At)}";
        public string Side => After ? "after" : "before";
    }

    private static TimedList? ListOf(OperationRun run, Profile profile) =>
        run.Role == OperationRole.List && run.Operation.Method == "GET" && profile.TimeWindows is { } w
            ? w.Lists.FirstOrDefault(l => l.Endpoint == run.Operation.PathTemplate) : null;

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (ListOf(run, context.Profile) is not { } list || run.Primary is not { IsSuccess: true }) yield break;
        var w = context.Profile.TimeWindows!;
        var path = run.Operation.Path;
        var records = (context.Known.GetValueOrDefault(path) ?? []).Concat(context.Listed.GetValueOrDefault(path) ?? [])
            .GroupBy(r => AnswerRecords.IdOf(r, "id")).Where(g => g.Key is not null).Select(g => (Id: g.Key!, Record: g.First())).ToList();
        foreach (var (fields, after, before) in new[] { (list.Start, w.StartAfter, w.StartBefore), (list.End, w.EndAfter, w.EndBefore) })
        {
            if (Between(records.SelectMany(r => Instants.In(r.Record, fields))) is not { } at) continue;
            foreach (var (parameter, isAfter) in new[] { (after, true), (before, false) })
            {
                var expected = records.Where(r => Side(r.Record, fields, at) == isAfter).Select(r => r.Id).ToList();
                var window = new Window(parameter, at, isAfter, fields, expected);
                yield return ListWalk.From(context, path, run.FirstPage, $"filter {window.Describe()}", [window.Describe()], window);
            }
        }
    }

    /// <summary>A whole second strictly between two of the instants, near their middle, so none of them is on the line; null with fewer than two.</summary>
    private static DateTimeOffset? Between(IEnumerable<DateTimeOffset> instants)
    {
        var seconds = instants.Select(Instants.Seconds).Distinct().Order().ToList();
        var gaps = seconds.Zip(seconds.Skip(1)).Where(p => p.Second - p.First >= 2).ToList();
        if (gaps.Count == 0) return null;
        var (first, second) = gaps[gaps.Count / 2];
        return DateTimeOffset.FromUnixTimeSeconds(first + (second - first) / 2);
    }

    /// <summary>Whether the record is after (true) or before (false) the instant by every field it has; null where they disagree or it has none.</summary>
    private static bool? Side(JsonObject record, IReadOnlyList<string> fields, DateTimeOffset at)
    {
        var instants = Instants.In(record, fields);
        if (instants.Count == 0) return null;
        if (instants.All(i => i > at)) return true;
        if (instants.All(i => i < at)) return false;
        return null;
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (ListOf(run, context.Profile) is not { } list || run.Primary is not { IsSuccess: true }) yield break;
        var asked = OwnRequests(run).Where(r => r.Tag is Window).GroupBy(r => (Window)r.Tag!, r => r.Exchange).ToList();
        if (asked.Count == 0)
        {
            yield return Skipped(run, $"No two records read start or end at different instants ({string.Join(", ", list.Start.Concat(list.End))}): no instant between them to ask with.");
            yield break;
        }
        var pagination = context.Profile.Pagination;
        var problems = new List<(Exchange, string)>();
        var judged = 0;
        foreach (var group in asked)
        {
            var window = group.Key;
            var answers = group.ToList();
            if (answers.FirstOrDefault(a => !a.IsSuccess) is { } refused)
            {
                problems.Add((refused, refused.Answered ? $"{window.Describe()} answered {refused.Status}" : $"{window.Describe()} got no answer: {refused.TransportError}"));
                continue;
            }
            var returned = answers.SelectMany(a => AnswerRecords.On(a, pagination).Select(r => (Answer: a, Record: r))).ToList();
            foreach (var (answer, record) in returned)
                if (Side(record, window.Fields, window.At) == !window.After)
                {
                    judged++;
                    problems.Add((answer, $"{window.Describe()} returned record {AnswerRecords.IdOf(record, "id")}, whose {string.Join(" and ", window.Fields)} "
                        + $"{(window.After ? "are not after" : "are not before")} {window.At:yyyy-MM-ddTHH:mm:ssZ}"));
                }
                else if (Side(record, window.Fields, window.At) is not null) judged++;
            if (ListWalk.Complete(answers, pagination))
            {
                var ids = returned.Select(r => AnswerRecords.IdOf(r.Record, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
                foreach (var missing in window.Expected.Where(id => !ids.Contains(id)))
                    problems.Add((answers[^1], $"{window.Describe()} left out record {missing}, whose {string.Join(" and ", window.Fields)} are {window.Side} {window.At:yyyy-MM-ddTHH:mm:ssZ}"));
            }
        }
        yield return Judge(run, problems,
            $"{string.Join(", ", asked.Select(a => a.Key.Describe()))}: each returned only records on its side of the instant ({judged} judged), and every record known to be there.");
    }
}
