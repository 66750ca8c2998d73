using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>docs/ci/github-actions-nightly.yml is valid YAML, and every `conformance` command it runs exists with the flags it gives.</summary>
public class NightlyWorkflowTests
{
    private static readonly string Workflow = Path.Combine(Repository(), "docs", "ci", "github-actions-nightly.yml");

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("The checkout holding Conformance.sln was not found above the tests.");
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Workflow);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static IEnumerable<string> RunScripts(YamlMappingNode root) =>
        ((YamlMappingNode)root["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey("run"))
            .Select(step => ((YamlScalarNode)step["run"]).Value!);

    /// <summary>Each `conformance ...` command line, continuation lines joined, split into words (quotes and ${{ expressions }} kept whole).</summary>
    private static List<string[]> ConformanceCommands(YamlMappingNode root) =>
        RunScripts(root).SelectMany(script => script.Replace("\\\n", " ").Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("conformance ", StringComparison.Ordinal))
            .Select(line => Regex.Matches(line, """\S*\$\{\{.*?\}\}\S*|'[^']*'|"[^"]*"|\S+""").Select(m => m.Value).ToArray())
            .ToList();

    [Test]
    public void It_is_a_scheduled_workflow_with_a_matrix_of_shards_a_merge_and_a_published_dashboard()
    {
        var root = Load();
        Assert.That(((YamlMappingNode)root["on"]).Children.Keys.Select(k => k.ToString()), Does.Contain("schedule"));
        var shards = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["monitor"])["strategy"])["matrix"]["shard"]).Children.Count;
        var commands = ConformanceCommands(root);
        var monitor = commands.Single(c => c[1] == "monitor");
        var shard = monitor[Array.IndexOf(monitor, "--shard") + 1];
        Assert.That(shard, Does.EndWith($"/{shards}"), "the N of --shard I/N is the number of shards in the matrix");
        Assert.That(commands.Select(c => c[1]), Does.Contain("merge"));
        var text = File.ReadAllText(Workflow);
        Assert.That(text, Does.Contain("actions/upload-artifact").And.Contain("actions/download-artifact").And.Contain("actions/deploy-pages")
            .And.Contain("site/summary.md >> \"$GITHUB_STEP_SUMMARY\""));
    }

    [Test]
    public async Task Every_command_it_runs_exists_with_the_flags_it_gives()
    {
        var commands = ConformanceCommands(Load());
        Assert.That(commands, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var name in commands.Select(c => c[1]).Distinct())
        {
            var help = await Cli.RunAsync(name, "--help");
            Assert.That(help.ExitCode, Is.EqualTo(0), $"conformance {name} --help: {help.All}");
            foreach (var flag in commands.Where(c => c[1] == name).SelectMany(c => c).Where(w => w.StartsWith("--", StringComparison.Ordinal)).Distinct())
                Assert.That(Regex.IsMatch(help.Output, $@"(^|\s){Regex.Escape(flag)}(\s|$)", RegexOptions.Multiline), Is.True,
                    $"conformance {name} has no {flag}:\n{help.Output}");
        }
    }
}
