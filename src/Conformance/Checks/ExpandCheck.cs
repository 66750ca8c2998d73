using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// expand adds exactly the parts it names: one record, read with every part (all), with none, and with each part
/// alone. With none it holds no part; with one part, that part wherever all gives it, and no other part's fields.
/// Parts are named as the profile maps them to fields; a part the record does not have even with all says nothing.
/// </summary>
public sealed class ExpandCheck : Check
{
    public const string CheckId = "expand";
    public override string Id => CheckId;
    public override string Title => "expand adds the named parts and no others";

    private sealed record Asked(string Value);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>>? PartsOf(OperationRun run, Profile profile) =>
        run.Role == OperationRole.Item && run.Operation.Method == "GET" && profile.Expand is { } e
        && e.Endpoints.TryGetValue(run.Operation.PathTemplate, out var parts) ? parts : null;

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        // The record read with the most parts: it shows the most of what each adds.
        if (PartsOf(run, context.Profile) is not { } parts
            || run.Reads.Where(r => r.Exchange.IsSuccess && r.RecordId is not null)
                .MaxBy(r => AnswerRecords.In(r.Exchange.Json.Node) is { } record ? parts.Values.Count(fields => fields.Any(f => Holds(record, f))) : -1)
                is not { RecordId: { } id }) yield break;
        var e = context.Profile.Expand!;
        foreach (var value in new[] { e.All, e.None }.Concat(parts.Keys))
            yield return new ProbeRequest($"{id} with {e.Parameter}={value}", context.Url(run.Operation.Path, id, $"{Uri.EscapeDataString(e.Parameter)}={Uri.EscapeDataString(value)}"))
                { RecordId = id, Tag = new Asked(value) };
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (PartsOf(run, context.Profile) is not { } parts) yield break;
        var e = context.Profile.Expand!;
        var answers = OwnRequests(run).Where(r => r.Tag is Asked).ToDictionary(r => ((Asked)r.Tag!).Value, r => r.Exchange);
        if (!answers.TryGetValue(e.All, out var all)) yield break; // no record was read: endpoint-answers and id-resolves say why
        var problems = new List<(Exchange, string)>();
        foreach (var (value, answer) in answers.Where(a => !a.Value.IsSuccess))
            problems.Add((answer, $"{e.Parameter}={value} answered {answer.Status?.ToString() ?? answer.TransportError}"));
        if (AnswerRecords.In(all.IsSuccess ? all.Json.Node : null) is not { } whole)
        {
            yield return Judge(run, problems.Count > 0 ? problems : [(all, $"{e.Parameter}={e.All} answered no record")], "");
            yield break;
        }
        // The parts this record has: those whose fields it holds with every part added.
        var had = parts.Where(p => p.Value.Any(f => Holds(whole, f))).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (had.Count == 0)
        {
            yield return Skipped(run, $"The record holds none of its optional parts even with {e.Parameter}={e.All}: there is nothing to add or leave out.");
            yield break;
        }
        foreach (var (value, answer) in answers.Where(a => a.Key != e.All && a.Value.IsSuccess))
        {
            if (AnswerRecords.In(answer.Json.Node) is not { } record)
            {
                problems.Add((answer, $"{e.Parameter}={value} answered no record"));
                continue;
            }
            var named = value == e.None ? [] : parts[value];
            // Another part's fields, unless the named part holds them too.
            foreach (var (other, fields) in parts.Where(p => p.Key != value && had.Contains(p.Key)))
                foreach (var field in fields.Where(f => !named.Contains(f) && Holds(record, f)))
                    problems.Add((answer, $"{e.Parameter}={value} added {field} ({other}), which it does not name"));
            if (had.Contains(value) && !named.Any(f => Holds(record, f)))
                problems.Add((answer, $"{e.Parameter}={value} left out {string.Join(" and ", named)}, which {e.Parameter}={e.All} gives"));
        }
        yield return Judge(run, problems,
            $"{e.Parameter}={e.None} added none of the record's {had.Count} optional part(s), and each part asked alone added itself and no other ({string.Join(", ", had.Order())}).");
    }

    /// <summary>Whether the record holds the field (dotted, [] for arrays) with a value other than null.</summary>
    private static bool Holds(JsonObject record, string field) => FilterMatching.Values(record, field).Any();
}
