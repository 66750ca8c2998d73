namespace Conformance.IntegrationTests;

/// <summary>
/// The harvest benchmark (benchmarks/Harvest, docs/performance.md) still builds and measures: run here on a small feed,
/// with the harness the tests use. Its figures are not judged here; only that each column is measured.
/// </summary>
public class HarvestBenchmarkTests
{
    [Test]
    public async Task The_benchmark_measures_a_small_feed_three_ways()
    {
        var table = Path.Combine(Cli.TempDir(), "harvest.md");
        var run = await Dotnet.RunAsync(Checkout.Root, TimeSpan.FromMinutes(5), "run", "--project", "benchmarks/Harvest", "-c", Checkout.Configuration, "--",
            "--services", "300", "--cli", Path.Combine(AppContext.BaseDirectory, "conformance.dll"), "--out", table);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);
        var row = File.ReadAllLines(table).Single(l => l.StartsWith("| 300 |"));
        var cells = row.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.That(cells[1], Is.EqualTo("30"), "pages");
        Assert.That(cells[2..5], Has.All.Match(@"^\d+\.\d\d s$"), "fetch, fetch and validation, harness: each timed");
        Assert.That(cells[8], Does.Match(@"^\d+ MB$"), "the harness's peak memory was read");
        Assert.That(cells[10], Does.StartWith("pass ("), "the generated feed conforms");
    }
}
