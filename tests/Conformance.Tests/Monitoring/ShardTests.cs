using Conformance.Monitoring;

namespace Conformance.Tests.Monitoring;

public class ShardTests
{
    private static List<MonitorTarget> Targets(int count) =>
        Enumerable.Range(1, count).Select(i => new MonitorTarget($"supplier-{i}", $"/p/supplier-{i}.yaml")).ToList();

    [Test]
    public void Every_target_is_in_exactly_one_slice_and_slices_are_shared_out()
    {
        var targets = Targets(60);
        var shards = Enumerable.Range(1, 3).Select(i => new Shard(i, 3)).ToList();
        Assert.That(targets.Select(t => shards.Count(s => s.Holds(t))), Is.All.EqualTo(1));
        Assert.That(shards.Select(s => targets.Count(s.Holds)), Is.All.GreaterThan(8), "a hash spreads 60 targets roughly evenly");
    }

    [Test]
    public void A_targets_slice_depends_on_its_name_not_its_place_in_the_list()
    {
        var before = Targets(20).ToDictionary(t => t.Id, t => Shard.SliceOf(t.Id, 4));
        var grown = Targets(40).Where((_, i) => i % 2 == 1).Concat(Targets(20)).ToList(); // new targets, another order
        Assert.That(grown.Where(t => before.ContainsKey(t.Id)).Select(t => Shard.SliceOf(t.Id, 4) == before[t.Id]), Is.All.True);
        // Pinned: the slice is SHA-256 arithmetic, the same on every machine and .NET version (string.GetHashCode is not).
        Assert.That(Shard.SliceOf("oruk-3.0-reference", 7), Is.EqualTo(2));
        Assert.That(Shard.SliceOf("council-a", 3), Is.EqualTo(2));
    }

    [TestCase("2/4", 2, 4)]
    [TestCase("1/1", 1, 1)]
    public void Parses(string text, int index, int count) => Assert.That(Shard.Parse(text), Is.EqualTo(new Shard(index, count)));

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("3")]
    [TestCase("a/b")]
    public void Refuses(string text) =>
        Assert.That(() => Shard.Parse(text), Throws.TypeOf<ConfigurationException>().With.Message.Contains("--shard takes I/N"));
}
