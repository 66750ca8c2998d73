using System.Text.Json.Nodes;
using Conformance.Monitoring;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>Three shards over nine targets (references, defects, traps) merge to the same dashboard and history as one unsharded run.</summary>
public class ShardMergeTests
{
    private static readonly (string Name, string Standard, string Server)[] Targets =
    [
        ("council-clean", "oruk-3.0", "oruk-3.0"),
        ("council-no-cors", "oruk-3.0", "missing-cors"),
        ("council-nameless", "oruk-3.0", "service-name-missing"),
        ("council-dangling-ids", "oruk-3.0", "listed-id-not-found"),
        ("council-gzip", "oruk-3.0", "trap-gzip"),
        ("council-reversed-keys", "oruk-3.0", "trap-key-order"),
        ("council-extra-fields", "oruk-3.0", "trap-extra-properties"),
        ("charity-hsds", "hsds-3.0", "hsds-3.0"),
    ];

    [Test]
    public async Task Three_shards_merged_equal_one_unsharded_run()
    {
        var dir = Cli.TempDir();
        var profiles = Path.Combine(dir, "profiles");
        foreach (var (name, standard, server) in Targets) Suppliers.Profile(profiles, name, standard, Suppliers.Url(server));
        // The ninth starts the built-in reference itself, as a nightly's demo profile does.
        File.WriteAllText(Path.Combine(profiles, "demo-reference.yaml"), "vendor: Demo\nproduct: Reference\nstandard: oruk-3.0\nreference: true\n");

        string[] Monitor(string name, params string[] more) =>
            ["monitor", "--profiles", Path.Combine(profiles, "*.yaml"), "--out", Path.Combine(dir, name), "--history", Path.Combine(dir, name + ".db"), .. more];
        var runs = await Task.WhenAll(
            Cli.RunAsync(Monitor("whole")),
            Cli.RunAsync(Monitor("shard1", "--shard", "1/3")),
            Cli.RunAsync(Monitor("shard2", "--shard", "2/3")),
            Cli.RunAsync(Monitor("shard3", "--shard", "3/3")));
        Assert.That(runs[0].ExitCode, Is.EqualTo(1), runs[0].All);
        Assert.That(runs[0].Output, Does.Contain("[9/9]"));

        var merged = Path.Combine(dir, "merged");
        var merge = await Cli.RunAsync("merge", Path.Combine(dir, "shard1"), Path.Combine(dir, "shard2"), Path.Combine(dir, "shard3"),
            "--out", merged, "--history", Path.Combine(dir, "merged-history.db"));
        Assert.That(merge.ExitCode, Is.EqualTo(1), merge.All);

        var shardTargets = Enumerable.Range(1, 3).Select(i => Recorded(Path.Combine(dir, $"shard{i}", "history.db")).Keys.ToList()).ToList();
        Assert.That(shardTargets.SelectMany(t => t).ToList(), Is.Unique.And.Count.EqualTo(9), "each target ran in exactly one shard");

        var whole = Recorded(Path.Combine(dir, "whole", "history.db"));
        Assert.That(whole, Has.Count.EqualTo(9));
        Assert.That(Recorded(Path.Combine(merged, "history.db")), Is.EqualTo(whole));
        Assert.That(Recorded(Path.Combine(dir, "merged-history.db")), Is.EqualTo(whole));
        Assert.That(Rows(merged), Is.EqualTo(Rows(Path.Combine(dir, "whole"))));
        Assert.That(whole["council-no-cors"], Does.StartWith("fail"));
        Assert.That(whole["council-gzip"], Does.StartWith("pass"));
        foreach (var target in whole.Keys) Assert.That(Path.Combine(merged, "targets", target, "report.json"), Does.Exist);

        // Merging the same shard again stores nothing twice.
        await Cli.RunAsync("merge", Path.Combine(dir, "shard1"), "--out", merged, "--history", Path.Combine(dir, "merged-history.db"));
        using var history = HistoryDatabase.Open(Path.Combine(dir, "merged-history.db"));
        Assert.That(history.All(), Has.Count.EqualTo(9));
    }

    /// <summary>Each target's run as it bears on the supplier: verdict, status and every result's identity and outcome (not times, ports or wording).</summary>
    private static Dictionary<string, string> Recorded(string database)
    {
        using var history = HistoryDatabase.Open(database);
        return history.All().ToDictionary(r => r.Target, r => $"{r.Verdict} {r.Status} {r.Standard} {r.Vendor} "
            + string.Join(";", r.Results.Select(x => $"{x.Check}|{x.Clause}|{x.Operation}|{x.Outcome}").Order(StringComparer.Ordinal))
            + " " + string.Join(";", r.Coverage.Select(c => $"{c.Operation}|{c.Gap}")));
    }

    /// <summary>The dashboard's rows, without what differs between any two runs (times, the built-in reference's port).</summary>
    private static List<string> Rows(string outDir)
    {
        var page = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "dashboard", "dashboard.json")))!;
        return page["suppliers"]!.AsArray().Select(row =>
        {
            var copy = row!.DeepClone().AsObject();
            foreach (var moving in new[] { "url", "lastRun", "lastPass", "trend" }) copy.Remove(moving);
            copy["trend"] = new JsonArray(row["trend"]!.AsArray().Select(t => (JsonNode)JsonValue.Create(t!["verdict"]!.ToString())).ToArray());
            copy["passedOnce"] = row["lastPass"] is not null;
            return copy.ToJsonString();
        }).ToList();
    }
}
