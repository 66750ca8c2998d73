using Conformance.Cli.Commands;
using Conformance.Door;
using Conformance.Monitoring;
using Conformance.NUnit;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Vendors;

namespace Conformance.Tests.Door;

/// <summary>
/// Limits are declared once (<see cref="Limits"/>) and every front end follows them: the CLI's run, the monitor and the
/// NUnit suites all give a run's values to the door, which holds them to its limits in the limits' own words.
/// </summary>
public class LimitsTests
{
    private string _dir = "";

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "conformance-limits-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Profile(string limits)
    {
        var path = Path.Combine(_dir, "supplier.yaml");
        File.WriteAllText(path, $"vendor: V\nproduct: P\nstandard: oruk-3.0\nreference: true\nlimits:\n  {limits}\n");
        return path;
    }

    private static RunDoor Door(Limits limits)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        return new RunDoor { Catalogue = catalogue, StartReference = ReferenceImplementations.Starter(catalogue), Limits = limits };
    }

    [Test]
    public async Task A_limit_changed_in_one_place_is_followed_by_every_front_end()
    {
        // One limit changed (the timeout, at most 10 s instead of an hour); a profile asking for 20 s is within the old.
        var tight = Limits.Standard with { Timeout = Limit.Seconds("--timeout", "timeout_seconds", 10) };
        var profile = Profile("timeout_seconds: 20");
        Assert.That(() => Limits.Standard.Check(new RunOverrides(), VendorProfileLoader.Load(profile)), Throws.Nothing);
        var refused = $"{profile}: limits.timeout_seconds must be a number of seconds above 0 and at most 10, not '20'.";

        Assert.Multiple(async () =>
        {
            Assert.That(() => RunCommand.RunAsync(new RunCommand.Settings { Profile = profile }, Door(tight), CancellationToken.None),
                Throws.TypeOf<ConfigurationException>().With.Message.EqualTo(refused), "conformance run --profile");
            Assert.That(() => RunCommand.RunAsync(new RunCommand.Settings { Standard = "oruk-3.0", Reference = true, Timeout = TimeSpan.FromSeconds(20) },
                    Door(tight), CancellationToken.None),
                Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("--timeout must be a number of seconds above 0 and at most 10, not '20'."),
                "conformance run --timeout");
            var record = await TargetRunner.RunOneAsync(MonitorTarget.Of(profile), _dir, new MonitorOptions { Door = Door(tight) }, CancellationToken.None);
            Assert.That((record.Status, record.Message), Is.EqualTo((TargetStatus.Misconfigured, refused)), "conformance monitor");
            Assert.That(() => SuiteRuns.Make(profile, null, Door(tight)), Throws.TypeOf<ConfigurationException>().With.Message.EqualTo(refused),
                "a ConformanceSuite");
        });
    }

    [Test]
    public void The_standard_limits_refuse_in_the_words_a_user_is_shown()
    {
        var limits = Limits.Standard;
        Assert.Multiple(() =>
        {
            Assert.That(limits.Timeout.Refusal("--timeout", 3601), Is.EqualTo("--timeout must be a number of seconds above 0 and at most 3600, not '3601'."));
            Assert.That(limits.Deadline.Refusal("--deadline", 0), Is.EqualTo("--deadline must be a number of seconds above 0 and at most a week, not '0'."));
            Assert.That(limits.RateFlag.Refusal("--rate", -1),
                Is.EqualTo("--rate must be a number of requests a second from 0.01 to 1000, or 'unlimited' (or 0), not '-1'."));
            Assert.That(limits.MaxBody.Refusal("--max-body", "1.5"), Is.EqualTo("--max-body must be a whole number of megabytes from 1 to 2000, not '1.5'."));
            Assert.That(limits.HarvestPages.Refusal("--harvest-limit", 0), Is.EqualTo("--harvest-limit must be a whole number of pages from 1, not '0'."));
            Assert.That(limits.Concurrency.Refusal("--parallel", 65), Is.EqualTo("--parallel must be a whole number from 1 to 64, not '65'."));
            Assert.That(limits.MaxPages.Allows(10_000) && !limits.MaxPages.Allows(10_001) && !limits.MaxPages.Allows(1.5), "whole pages, 1 to 10000");
            Assert.That(limits.Timeout.Allows(3600) && !limits.Timeout.Allows(0) && !limits.Timeout.Allows(double.NaN), "above 0, at most an hour");
        });
    }

    [Test]
    public void Unlimited_is_a_rate_a_flag_may_give_but_not_a_vendor_profile()
    {
        Assert.That(() => Limits.Standard.Check(new RunOverrides { RequestsPerSecond = RunOverrides.Unlimited }, null), Throws.Nothing);
        var profile = Profile("requests_per_second: 0"); // a flag's 0 means unlimited; a profile's is out of range
        Assert.That(() => Limits.Standard.Check(new RunOverrides(), VendorProfileLoader.Load(profile)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("limits.requests_per_second must be a number of requests a second from 0.01 to 1000"));
    }
}
