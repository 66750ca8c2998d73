using System.Net;
using System.Net.Sockets;
using Conformance.Door;
using Conformance.Monitoring;
using Conformance.Reference;
using Conformance.Running;
using static Conformance.Tests.Monitoring.MonitoringFixtures;

namespace Conformance.Tests.Monitoring;

/// <summary>One target that hangs, refuses, throws or cannot be set up is recorded as such and never stops the others.</summary>
public class TargetRunnerTests
{
    private ReferenceServer _oruk = null!;
    private TcpListener _silent = null!;
    private readonly List<Socket> _held = [];
    private string _dir = "";

    [OneTimeSetUp]
    public void Start()
    {
        _oruk = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        // Accepts connections and never answers: a supplier that hangs.
        _silent = new TcpListener(IPAddress.Loopback, 0);
        _silent.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    var socket = await _silent.AcceptSocketAsync();
                    lock (_held) _held.Add(socket);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _oruk.Dispose();
        _silent.Stop();
        _silent.Dispose();
        lock (_held) _held.ForEach(s => s.Dispose());
    }

    [SetUp]
    public void Folder() => _dir = TempDir();

    private MonitorTarget Profile(string name, string yaml)
    {
        var path = Path.Combine(_dir, "profiles", name + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return MonitorTarget.Of(path);
    }

    private MonitorTarget Oruk(string name, string url, string limits = "") => Profile(name, $"""
        vendor: Test supplier {name}
        product: Feed
        standard: oruk-3.0
        base_url: {url}
        limits:
          requests_per_second: 1000
        {limits}
        """);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static MonitorOptions Options(ReferenceStarter? start = null) => new()
    {
        Parallel = 2, Grace = TimeSpan.FromSeconds(2), Door = new RunDoor { Catalogue = ConformanceRun.DefaultCatalogue(), StartReference = start },
    };

    [Test]
    public async Task Hanging_refusing_crashing_and_misconfigured_targets_are_recorded_and_the_good_one_still_passes()
    {
        var targets = new[]
        {
            Oruk("good", _oruk.Url),
            Oruk("hangs", $"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}", "  deadline_seconds: 1.5"),
            Oruk("refuses", $"http://127.0.0.1:{ClosedPort()}"),
            Profile("crashes", "vendor: X\nproduct: Y\nstandard: oruk-3.0\nreference: true\n"),
            Profile("misconfigured", "vendor: X\nproduct: Y\nstandard: oruk-3.0\nbase_url: http://127.0.0.1:1\nrate_limit: 3\n"),
        };
        var finished = new List<TargetFinished>();
        var runs = await TargetRunner.RunAsync(targets, _dir, Options(_ => throw new InvalidOperationException("the reference would not start")),
            new SynchronousProgress(finished.Add));

        var by = runs.ToDictionary(r => r.Target);
        Assert.That(by["good"], Has.Property(nameof(RunRecord.Status)).EqualTo(TargetStatus.Completed).And.Property(nameof(RunRecord.Verdict)).EqualTo(Verdict.Pass));
        Assert.That(by["hangs"].Status, Is.EqualTo(TargetStatus.TimedOut));
        Assert.That(by["refuses"], Has.Property(nameof(RunRecord.Status)).EqualTo(TargetStatus.Completed).And.Property(nameof(RunRecord.Verdict)).EqualTo(Verdict.Error));
        Assert.That(by["refuses"].Message, Does.Contain("could not be reached"));
        Assert.That(by["crashes"].Status, Is.EqualTo(TargetStatus.Crashed));
        Assert.That(by["crashes"].Message, Does.Contain("InvalidOperationException: the reference would not start"));
        Assert.That(by["misconfigured"].Status, Is.EqualTo(TargetStatus.Misconfigured));
        Assert.That(by["misconfigured"].Message, Does.Contain("rate_limit"));
        Assert.That(File.Exists(Path.Combine(_dir, "targets", "good", "report.json")), Is.True);
        Assert.That(finished.Select(f => f.Done), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }), "one line per target with a running count");
        Assert.That(finished.Select(f => f.Total), Is.All.EqualTo(5));
    }

    [Test]
    public async Task A_stop_keeps_the_finished_targets_and_remembers_only_them()
    {
        using var stop = new CancellationTokenSource();
        var targets = new[] { Oruk("first", _oruk.Url), Oruk("second", _oruk.Url), Oruk("third", _oruk.Url) };
        var history = Path.Combine(_dir, "history.db");
        var outcome = await MonitorSession.RunAsync(new MonitorSession.Settings
        {
            Targets = targets, OutDir = Path.Combine(_dir, "out"), HistoryPath = history, Options = Options() with { Parallel = 1 },
        }, new SynchronousProgress(_ => stop.Cancel()), stop.Token);

        Assert.That(outcome.Runs.Select(r => r.Status), Is.EqualTo(new[] { TargetStatus.Completed, TargetStatus.Stopped, TargetStatus.Stopped }));
        Assert.That(outcome.Report.Assessment.CouldNotTest, Is.True, "a stopped night is not a clean one");
        using var recorded = HistoryDatabase.Open(history);
        Assert.That(recorded.All().Select(r => r.Target), Is.EqualTo(new[] { "first" }));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "out", "dashboard", "index.html")), Does.Contain("data-target=\"second\"").And.Contain("stopped"));
    }

    [Test]
    public async Task An_unusable_history_costs_the_comparison_but_not_the_reports()
    {
        var history = Path.Combine(_dir, "broken.db");
        File.WriteAllText(history, new string('x', 4096));
        var outcome = await MonitorSession.RunAsync(new MonitorSession.Settings
        {
            Targets = [Oruk("good", _oruk.Url)], OutDir = Path.Combine(_dir, "out"), HistoryPath = history, Options = Options(),
        });
        Assert.That(outcome.HistoryProblem, Does.Contain("broken.db").And.Contain("not a readable SQLite database"));
        Assert.That(outcome.Runs.Single().Verdict, Is.EqualTo(Verdict.Pass));
        Assert.That(Path.Combine(_dir, "out", "targets", "good", "report.json"), Does.Exist);
        Assert.That(Path.Combine(_dir, "out", "dashboard", "index.html"), Does.Exist);
    }

    [Test]
    public async Task A_target_that_cannot_be_set_up_is_recorded_with_the_keys_in_its_URL_masked()
    {
        var target = Profile("unknown-standard", "vendor: X\nproduct: Y\nstandard: no-such-standard\nbase_url: http://127.0.0.1:1/feed?access=s3cr3t-value-9\n");
        var run = await TargetRunner.RunOneAsync(target, _dir, Options(), CancellationToken.None);
        Assert.That(run.Status, Is.EqualTo(TargetStatus.Misconfigured));
        Assert.That(run.Message, Does.Contain("no-such-standard"));
        Assert.That(run.Url, Does.Contain("access=***").And.Not.Contain("s3cr3t"));
    }

    /// <summary>Progress reported on the caller's thread, in order (Progress&lt;T&gt; would post it later).</summary>
    private sealed class SynchronousProgress(Action<TargetFinished> report) : IProgress<TargetFinished>
    {
        public void Report(TargetFinished value) => report(value);
    }
}
