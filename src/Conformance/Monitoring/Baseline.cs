using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Monitoring;

/// <summary>
/// Known failures (`--baseline FILE`) that do not fail the job under `--fail-on new`. The file is JSON:
/// <c>{"failures": [{"target": "...", "check": "...", "clause": "...", "operation": "...", "note": "why it is known"}]}</c>,
/// the shape every monitoring run writes its current failures in (failures.json), so tonight's failures can become
/// tomorrow's baseline. A baseline only shrinks: entries that no longer happen are reported and left out of baseline.next.json.
/// </summary>
public sealed class Baseline(IReadOnlyList<BaselineEntry> entries)
{
    public IReadOnlyList<BaselineEntry> Entries { get; } = entries;

    public bool Covers(RunRecord run, RecordedResult failure) => Entries.Any(e => e.Covers(run, failure));

    /// <summary>
    /// Entries for targets judged tonight whose failure did not happen. An entry for a target not judged (another
    /// shard's, or one that timed out) is kept: nobody knows it is gone.
    /// </summary>
    public IReadOnlyList<BaselineEntry> NoLongerSeen(IReadOnlyList<RunRecord> runs) =>
        Entries.Where(e => runs.FirstOrDefault(r => r.Judged && (e.Target == r.Target || e.Target == r.Url)) is { } run
                           && !run.Failures.Any(f => e.Covers(run, f))).ToList();

    public static Baseline Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException($"Baseline '{file}' does not exist.");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"Baseline {file} is not JSON: {e.Message}");
        }
        if (root?["failures"] is not JsonArray failures)
            throw new ConfigurationException($"Baseline {file} must be an object with a \"failures\" list (the shape of a run's failures.json).");
        var entries = new List<BaselineEntry>();
        foreach (var (item, index) in failures.Select((f, i) => (f, i)))
        {
            string? Text(string name) => item is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (Text("target") is not { } target || Text("check") is not { } check || Text("clause") is not { } clause || Text("operation") is not { } operation)
                throw new ConfigurationException($"Baseline {file}: failures[{index}] needs the strings target, check, clause and operation.");
            entries.Add(new BaselineEntry(target, check, clause, operation, Text("note")));
        }
        return new Baseline(entries);
    }

    public static void Write(string file, IEnumerable<BaselineEntry> entries)
    {
        var list = new JsonArray();
        foreach (var e in entries.OrderBy(e => e.Target, StringComparer.Ordinal).ThenBy(e => e.Check, StringComparer.Ordinal)
                     .ThenBy(e => e.Operation, StringComparer.Ordinal).ThenBy(e => e.Clause, StringComparer.Ordinal))
        {
            var entry = new JsonObject { ["target"] = e.Target, ["check"] = e.Check, ["clause"] = e.Clause, ["operation"] = e.Operation };
            if (e.Note is not null) entry["note"] = e.Note;
            list.Add(entry);
        }
        File.WriteAllText(file, new JsonObject { ["failures"] = list }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Tonight's failures as baseline entries.</summary>
    public static IEnumerable<BaselineEntry> Of(IEnumerable<RunRecord> runs) =>
        runs.SelectMany(r => r.Failures.Select(f => new BaselineEntry(r.Target, f.Check, f.Clause, f.Operation))).Distinct();
}
