using System.Text.Json.Nodes;
using Conformance.IntegrationTests.Hostile;
using Conformance.Reference;
using Microsoft.Data.Sqlite;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>
/// The monitor and merge with hostile names and data, through the real program: a profile named <c>...yaml</c> or
/// after a device, or holding Markdown and escape sequences, lands in a safe folder under targets/ and never over the
/// monitor's own files; its vendor's words and its failures reach the console and summary.md only as inert text;
/// and a shard database that names a report folder outside its own is not obeyed.
/// </summary>
public class InertMonitorTests
{
    private static readonly Dictionary<string, string> NoColor = new() { ["NO_COLOR"] = "1" };

    /// <summary>The ORUK reference whose first service's id carries terminal controls and Markdown: it fails the schema with them.</summary>
    private static ReferenceServer Hostile()
    {
        var catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue();
        var reference = new OpenReferralService(ReferenceData.Load(Path.Combine(catalogue.Root, "oruk-3.0", "reference")));
        var hostileId = "id " + Inert.Markdown + Inert.Terminal;
        string? firstId = null;
        return ReferenceServer.Start((method, path, query) =>
        {
            var answer = reference.Handle(method, path, query);
            if (answer.Render() is not { } text) return answer;
            firstId ??= answer.Body?["contents"]?[0]?["id"]?.GetValue<string>();
            return firstId is null ? answer : answer with { Text = text.Replace(firstId, JsonValue.Create(hostileId).ToJsonString()[1..^1]) };
        });
    }

    private static string Profile(string folder, string file, string vendor, string url)
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, $"vendor: {JsonValue.Create(vendor).ToJsonString()}\nproduct: Feed\nstandard: oruk-3.0\nbase_url: {url}\nlimits:\n  requests_per_second: 1000\n");
        return path;
    }

    [Test]
    public async Task Hostile_profile_names_and_data_stay_in_their_folders_and_reach_the_console_and_summary_as_inert_text()
    {
        using var hostile = Hostile();
        var root = Cli.TempDir();
        var profiles = Path.Combine(root, "profiles");
        Directory.CreateDirectory(profiles);
        var history = Path.Combine(root, "history.db");
        var evilName = "evil " + Inert.Markdown.Replace("/", "_") + Inert.Terminal.Replace("/", "_");
        // Night one: every supplier serves the clean reference.
        var clean = Suppliers.Url("oruk-3.0");
        foreach (var file in new[] { "...yaml", "CON.yaml", evilName + ".yaml" })
            Profile(profiles, file, "Vendor " + Inert.Terminal + Inert.Markdown, clean);

        async Task<Cli.Result> Night(string name)
        {
            var night = await Cli.RunAsync(TimeSpan.FromMinutes(3), NoColor, "monitor", "--profiles", Path.Combine(profiles, "*.yaml"),
                "--out", Path.Combine(root, name), "--history", history);
            TestContext.Out.WriteLine(night.All);
            Inert.AssertConsole(night.All);
            var summary = File.ReadAllText(Path.Combine(root, name, "summary.md"));
            Assert.That(summary, Does.StartWith("# Conformance monitoring"), "the monitor's own summary, not a target's report over it");
            Inert.AssertMarkdown(summary);
            var tree = Inert.Tree(Path.Combine(root, name));
            Assert.That(tree.Where(p => !p.StartsWith("targets", StringComparison.Ordinal) && !p.StartsWith("dashboard", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "summary.md", "failures.json", "history.db" }), "the targets' reports are all under targets/");
            Assert.That(Directory.GetDirectories(Path.Combine(root, name, "targets")), Has.Length.EqualTo(3), "a folder each");
            return night;
        }

        var night1 = await Night("night1");
        Assert.That(night1.ExitCode, Is.EqualTo(0), night1.All);
        Assert.That(night1.Output, Does.Contain("] ..: pass").And.Contain("] CON: pass").And.Contain(@"\x1b]0;pwned\x07"));

        // Night two: the evil supplier serves ids with controls and Markdown, and fails with them.
        Profile(profiles, evilName + ".yaml", "Vendor " + Inert.Terminal + Inert.Markdown, hostile.Url);
        var night2 = await Night("night2");
        Assert.That(night2.ExitCode, Is.EqualTo(1), night2.All);
        var summary2 = File.ReadAllText(Path.Combine(root, "night2", "summary.md"));
        Assert.That(summary2, Does.Contain("## Failures that fail the job").And.Contain("## Since the previous run").And.Contain("| new failure |"));
        var codes = Inert.Code(Inert.AssertMarkdown(summary2)).ToList();
        Assert.That(codes, Has.Some.StartsWith("evil ![p](http:__host_pixel.png)"), "the target's name is there, as code");
        Assert.That(codes, Has.Some.Contains("id ![p](http://host/pixel.png)"), "the failure's message is there, as code");

        var diff = await Cli.RunAsync(TimeSpan.FromMinutes(1), NoColor, "diff", "--history", history, "--format", "markdown");
        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.All);
        Inert.AssertConsole(diff.All);
        Inert.AssertMarkdown(diff.Output);
        foreach (var command in new[] { "diff", "history" })
        {
            var shown = await Cli.RunAsync(TimeSpan.FromMinutes(1), NoColor, command, "--history", history);
            Assert.That(shown.ExitCode, Is.EqualTo(0), shown.All);
            Inert.AssertConsole(shown.All);
            Assert.That(shown.Output, Does.Contain(@"\x1b]0;pwned\x07"), $"{command} shows the name, as escapes");
        }
    }

    [Test]
    public async Task A_shard_database_naming_a_report_folder_outside_it_is_not_obeyed()
    {
        var root = Cli.TempDir();
        var profiles = Path.Combine(root, "profiles");
        Directory.CreateDirectory(profiles);
        Profile(profiles, "council.yaml", "Council", Suppliers.Url("oruk-3.0"));
        var shard = Path.Combine(root, "shard");
        var monitor = await Cli.RunAsync("monitor", "--profiles", profiles, "--out", shard, "--history", Path.Combine(root, "shard-history.db"));
        Assert.That(monitor.ExitCode, Is.EqualTo(0), monitor.All);

        // A tampered artefact: its database names ../payload, beside the shard, which holds a file meant for outside --out.
        var payload = Path.Combine(root, "payload");
        Directory.CreateDirectory(payload);
        File.WriteAllText(Path.Combine(payload, "summary.md"), "planted");
        using (var db = new SqliteConnection($"Data Source={Path.Combine(shard, "history.db")};Pooling=false"))
        {
            db.Open();
            using var tamper = db.CreateCommand();
            tamper.CommandText = "UPDATE runs SET report_dir = '../payload'";
            Assert.That(tamper.ExecuteNonQuery(), Is.EqualTo(1));
        }
        var outside = Path.Combine(root, "merged-parent");
        var merged = Path.Combine(outside, "merged");
        var before = Inert.Tree(root).Where(p => !p.StartsWith("merged-parent", StringComparison.Ordinal)).ToList();

        var merge = await Cli.RunAsync(TimeSpan.FromMinutes(1), NoColor, "merge", shard, "--out", merged, "--history", Path.Combine(merged, "history.db"));
        TestContext.Out.WriteLine(merge.All);
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.All);
        Assert.That(merge.Output, Does.Contain("is not a folder under targets/: not copied"));
        Assert.That(File.ReadAllText(Path.Combine(merged, "summary.md")), Does.StartWith("# Conformance monitoring"), "nothing planted over the merge's own summary");
        Assert.That(Directory.GetFileSystemEntries(outside).Select(Path.GetFileName), Is.EqualTo(new[] { "merged" }), "nothing written beside --out");
        Assert.That(Inert.Tree(root).Where(p => !p.StartsWith("merged-parent", StringComparison.Ordinal)), Is.EqualTo(before), "nothing changed outside --out");
        Assert.That(Directory.Exists(Path.Combine(merged, "targets")), Is.False, "the folder it named was not copied from anywhere");
    }
}
