using Conformance.Monitoring;
using Microsoft.Data.Sqlite;
using static Conformance.Tests.Monitoring.MonitoringFixtures;

namespace Conformance.Tests.Monitoring;

public class HistoryDatabaseTests
{
    private string _path = "";

    [SetUp]
    public void Place() => _path = Path.Combine(TempDir(), "nested", "history.db");

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Test]
    public void A_missing_database_is_created_at_the_latest_schema_in_WAL_mode()
    {
        using (var history = HistoryDatabase.Open(_path))
            Assert.That(history.SchemaVersion, Is.EqualTo(HistoryMigrations.Steps.Count));
        using var raw = Raw(_path);
        Assert.That(Scalar(raw, "PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public void A_run_is_read_back_as_it_was_recorded()
    {
        var run = Run("council-a", Night1, "fail", Result("cors-allow-origin", "fail"), Result("response-schema", "warning", "GET /taxonomies")) with
        {
            Vendor = "Harbourside", ProfileDigest = "abc", SpecDigest = "def", Message = "cut short", ReportDir = "targets/council-a", RequestsSent = 39,
        };
        using var history = HistoryDatabase.Open(_path);
        var id = history.Record(run);
        var back = history.Find(id)!;
        Assert.That(back with { Id = 0, Results = run.Results, Coverage = run.Coverage }, Is.EqualTo(run));
        Assert.That(back.Results, Is.EqualTo(run.Results));
        Assert.That(back.Coverage, Is.EqualTo(run.Coverage));
        Assert.That(back.HarnessVersion, Is.Not.Empty);
    }

    [Test]
    public void A_run_recorded_twice_is_stored_once()
    {
        var run = Run("council-a", Night1, "pass");
        using var history = HistoryDatabase.Open(_path);
        var first = history.Record(run);
        Assert.That(history.Record(run), Is.EqualTo(first));
        Assert.That(history.All(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Runs_come_newest_first_and_the_previous_and_last_passing_ones_are_found()
    {
        using var history = HistoryDatabase.Open(_path);
        history.Record(Run("council-a", Night1, "pass"));
        history.Record(Run("council-a", Night1.AddDays(1), "error") with { Status = TargetStatus.TimedOut });
        var third = Run("council-a", Night1.AddDays(2), "fail", Result("cors-allow-origin", "fail"));
        history.Record(third);
        history.Record(Run("council-b", Night1, "fail"));
        Assert.That(history.Runs("council-a").Select(r => r.Verdict), Is.EqualTo(new[] { "fail", "error", "pass" }));
        Assert.That(history.Runs("http://127.0.0.1/council-a", 1).Single().RunKey, Is.EqualTo(third.RunKey), "a target is found by its URL too");
        Assert.That(history.Previous("council-a", third.StartedAt)!.Verdict, Is.EqualTo("error"));
        Assert.That(history.PreviousJudged("council-a", third.StartedAt)!.Verdict, Is.EqualTo("pass"));
        Assert.That(history.LastPassed("council-a"), Is.EqualTo(Night1));
        Assert.That(history.LastPassed("council-b"), Is.Null);
        Assert.That(history.Targets(), Is.EqualTo(new[] { "council-a", "council-b" }));
    }

    [Test]
    public void An_older_database_is_migrated_and_keeps_its_runs()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using (var raw = Raw(_path))
        {
            // A database as the first schema step left it, with one run.
            Scalar(raw, "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
            Scalar(raw, HistoryMigrations.Steps[0]);
            Scalar(raw, "INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00.0000000Z')");
            Scalar(raw, """
                INSERT INTO runs (run_key, target, url, vendor, product, standard, standard_name, profile_digest, spec_digest, harness_version,
                                  started_at, finished_at, verdict, status, requests_sent)
                VALUES ('k1', 'council-a', 'http://x', '', '', 'oruk-3.0', '', '', '', '0.1', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:05.0000000Z', 'pass', 'completed', 10)
                """);
        }
        using var history = HistoryDatabase.Open(_path);
        Assert.That(history.SchemaVersion, Is.EqualTo(HistoryMigrations.Steps.Count));
        Assert.That(history.Runs("council-a").Single().Coverage, Is.Empty, "the coverage table was added by the migration");
        history.Record(Run("council-a", Night1, "pass"));
        Assert.That(history.Runs("council-a")[0].Coverage, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_database_from_a_newer_harness_is_refused_clearly()
    {
        using (HistoryDatabase.Open(_path)) { }
        using (var raw = Raw(_path)) Scalar(raw, "INSERT INTO schema_version VALUES (99, '2030-01-01T00:00:00.0000000Z')");
        Assert.That(() => HistoryDatabase.Open(_path), Throws.TypeOf<HistoryException>().With.Message.Contains("schema version 99").And.Message.Contains("newer harness"));
    }

    [Test]
    public void A_corrupt_database_is_a_clear_error_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, new string('x', 8192));
        Assert.That(() => HistoryDatabase.Open(_path), Throws.TypeOf<HistoryException>()
            .With.Message.Contains(_path).And.Message.Contains("not a readable SQLite database"));
    }

    [Test]
    public void A_database_locked_by_another_writer_is_a_clear_error()
    {
        using (HistoryDatabase.Open(_path)) { }
        using var holder = Raw(_path);
        Scalar(holder, "BEGIN EXCLUSIVE");
        using var history = HistoryDatabase.Open(_path, TimeSpan.FromMilliseconds(200));
        Assert.That(() => history.Record(Run("council-a", Night1, "pass")), Throws.TypeOf<HistoryException>().With.Message.Contains("is locked by another process"));
    }
}
