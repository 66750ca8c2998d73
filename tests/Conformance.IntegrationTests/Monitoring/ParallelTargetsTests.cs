using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Door;
using Conformance.Monitoring;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>
/// Twenty suppliers at --parallel 4 take far less than twenty times one, while no supplier sees more than its own
/// rate: each is a path prefix on one server that notes when each of its requests arrived. Stable on two busy cores
/// (.ci/repeat runs it over and over to show it).
/// </summary>
public class ParallelTargetsTests
{
    private const double Rate = 20;

    [Test]
    public async Task Twenty_targets_in_parallel_finish_far_sooner_and_each_keeps_its_rate()
    {
        var oruk = new OpenReferralService(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"))).Handle;
        var arrivals = new ConcurrentDictionary<string, ConcurrentQueue<DateTime>>();
        using var server = ReferenceServer.Start((method, path, query) =>
        {
            var slash = path.IndexOf('/', 1);
            var supplier = slash < 0 ? path[1..] : path[1..slash];
            arrivals.GetOrAdd(supplier, _ => new()).Enqueue(DateTime.UtcNow);
            return oruk(method, slash < 0 ? "/" : path[slash..], query);
        });
        var dir = Cli.TempDir();
        var targets = Enumerable.Range(1, 21).Select(i =>
        {
            var path = Path.Combine(dir, "profiles", $"supplier-{i:00}.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"vendor: S{i}\nproduct: Feed\nstandard: oruk-3.0\nbase_url: {server.Url}/supplier-{i:00}\nlimits:\n  requests_per_second: {Rate}\n");
            return MonitorTarget.Of(path);
        }).ToList();
        var options = new MonitorOptions { Parallel = 4, Door = new RunDoor { Catalogue = ConformanceRun.DefaultCatalogue() } };

        var one = Stopwatch.StartNew();
        var alone = await TargetRunner.RunAsync(targets.Take(1).ToList(), Path.Combine(dir, "alone"), options);
        one.Stop();
        var all = Stopwatch.StartNew();
        var twenty = await TargetRunner.RunAsync(targets.Skip(1).ToList(), Path.Combine(dir, "twenty"), options);
        all.Stop();

        TestContext.Out.WriteLine($"one target: {one.Elapsed.TotalSeconds:0.0} s; twenty at --parallel 4: {all.Elapsed.TotalSeconds:0.0} s");
        Assert.That(alone.Concat(twenty).Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass));
        Assert.That(all.Elapsed, Is.LessThan(one.Elapsed * 20 * 0.4),
            $"one target took {one.Elapsed.TotalSeconds:0.0} s; twenty at four at a time took {all.Elapsed.TotalSeconds:0.0} s");
        Assert.That(arrivals.Keys, Has.Count.EqualTo(21));
        // Each supplier's own rate, over every span of its requests as the server received them (Pacing: noise allowed once, not per second).
        foreach (var (supplier, queue) in arrivals)
            Assert.That(Pacing.Breach(queue, Rate), Is.Null, supplier);
    }
}
