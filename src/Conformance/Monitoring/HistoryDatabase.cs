using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conformance.Monitoring;

/// <summary>
/// Every monitored run, in an embedded SQLite file (default .conformance/history.db). A missing file is created; the
/// schema is brought up to date on opening (<see cref="HistoryMigrations"/>); the journal is write-ahead (WAL), so a
/// dashboard or `history` can read while a monitor writes. A locked, corrupt or newer database is a
/// <see cref="HistoryException"/> naming the file, never a stack trace.
/// </summary>
public sealed class HistoryDatabase : IDisposable
{
    public const string DefaultPath = ".conformance/history.db";

    private readonly SqliteConnection _connection;

    private HistoryDatabase(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <param name="busy">How long to wait for another writer before calling the database locked.</param>
    public static HistoryDatabase Open(string path, TimeSpan? busy = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // the file is let go when the database is disposed: it may be copied or uploaded next
            DefaultTimeout = (int)Math.Ceiling((busy ?? TimeSpan.FromSeconds(10)).TotalSeconds),
        }.ToString());
        var database = new HistoryDatabase(connection, full);
        try
        {
            Guarded(full, () =>
            {
                connection.Open();
                if (busy is { } wait) database.Execute($"PRAGMA busy_timeout = {(int)wait.TotalMilliseconds}");
                database.Execute("PRAGMA journal_mode = WAL");
                database.Execute("PRAGMA foreign_keys = ON");
                database.Migrate();
            });
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The schema version this database is at (the number of migration steps applied).</summary>
    public int SchemaVersion => Guarded(Path, () => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture));

    /// <summary>Stores a run unless a run with its key is stored already (a shard merged twice). Returns its row id.</summary>
    public long Record(RunRecord run) => Guarded(Path, () =>
    {
        if (Scalar("SELECT id FROM runs WHERE run_key = $key", ("$key", run.RunKey)) is long existing) return existing;
        using var transaction = _connection.BeginTransaction();
        var id = (long)Scalar("""
            INSERT INTO runs (run_key, target, url, vendor, product, standard, standard_name, profile_digest, spec_digest, harness_version,
                              started_at, finished_at, verdict, status, message, report_dir, requests_sent)
            VALUES ($key, $target, $url, $vendor, $product, $standard, $standardName, $profileDigest, $specDigest, $harness,
                    $started, $finished, $verdict, $status, $message, $reportDir, $requests)
            RETURNING id
            """,
            ("$key", run.RunKey), ("$target", run.Target), ("$url", run.Url), ("$vendor", run.Vendor), ("$product", run.Product),
            ("$standard", run.Standard), ("$standardName", run.StandardName), ("$profileDigest", run.ProfileDigest), ("$specDigest", run.SpecDigest),
            ("$harness", run.HarnessVersion), ("$started", Stamp(run.StartedAt)), ("$finished", Stamp(run.FinishedAt)), ("$verdict", run.Verdict),
            ("$status", run.Status.Name()), ("$message", run.Message), ("$reportDir", run.ReportDir), ("$requests", run.RequestsSent))!;
        foreach (var (r, position) in run.Results.Select((r, i) => (r, i)))
            Execute("""
                INSERT INTO results (run_id, position, check_id, clause, level, operation, tier, outcome, message)
                VALUES ($run, $position, $check, $clause, $level, $operation, $tier, $outcome, $message)
                """, ("$run", id), ("$position", position), ("$check", r.Check), ("$clause", r.Clause), ("$level", r.Level),
                ("$operation", r.Operation), ("$tier", r.Tier), ("$outcome", r.Outcome), ("$message", r.Message));
        foreach (var (c, position) in run.Coverage.Select((c, i) => (c, i)))
            Execute("""
                INSERT INTO coverage (run_id, position, operation, tier, is_read, requests, answered, records_validated, ids_looked_up, gap)
                VALUES ($run, $position, $operation, $tier, $read, $requests, $answered, $records, $ids, $gap)
                """, ("$run", id), ("$position", position), ("$operation", c.Operation), ("$tier", c.Tier), ("$read", c.Read ? 1 : 0),
                ("$requests", c.Requests), ("$answered", c.Answered), ("$records", c.RecordsValidated), ("$ids", c.IdsLookedUp), ("$gap", c.Gap));
        transaction.Commit();
        return id;
    });

    /// <summary>Runs newest first, of one target (by name or URL) or of all, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<RunRecord> Runs(string? target = null, int limit = int.MaxValue) => Guarded(Path, () =>
        Load("WHERE $target IS NULL OR target = $target OR url = $target ORDER BY started_at DESC, id DESC LIMIT $limit",
            ("$target", target), ("$limit", limit)));

    /// <summary>
    /// Runs newest first by run number (the order they were recorded, which `history` and `diff` name them by), of one
    /// target (by name or URL) or of all, at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<RunRecord> ByNumber(string? target = null, int limit = int.MaxValue) => Guarded(Path, () =>
        Load("WHERE $target IS NULL OR target = $target OR url = $target ORDER BY id DESC LIMIT $limit", ("$target", target), ("$limit", limit)));

    /// <summary>Every run, oldest first (what a merge copies).</summary>
    public IReadOnlyList<RunRecord> All() => Guarded(Path, () => Load("ORDER BY started_at, id"));

    public RunRecord? Find(long id) => Guarded(Path, () => Load("WHERE id = $id", ("$id", id)).SingleOrDefault());

    public RunRecord? Find(string runKey) => Guarded(Path, () => Load("WHERE run_key = $key", ("$key", runKey)).SingleOrDefault());

    /// <summary>The target's last run started before <paramref name="before"/>: what tonight is compared with.</summary>
    public RunRecord? Previous(string target, DateTimeOffset before) => Guarded(Path, () =>
        Load("WHERE target = $target AND started_at < $before ORDER BY started_at DESC, id DESC LIMIT 1", ("$target", target), ("$before", Stamp(before)))
            .SingleOrDefault());

    /// <summary>The target's last judged run (pass or fail, not cut short) started before <paramref name="before"/>.</summary>
    public RunRecord? PreviousJudged(string target, DateTimeOffset before) => Guarded(Path, () =>
        Load("WHERE target = $target AND started_at < $before AND status = $completed AND verdict IN ($pass, $warned, $fail) ORDER BY started_at DESC, id DESC LIMIT 1",
            ("$target", target), ("$before", Stamp(before)), ("$completed", TargetStatus.Completed.Name()),
            ("$pass", Running.Verdict.Pass), ("$warned", Running.Verdict.PassWithWarnings), ("$fail", Running.Verdict.Fail)).SingleOrDefault());

    /// <summary>When the target last passed (with or without warnings), or null if it never has.</summary>
    public DateTimeOffset? LastPassed(string target) => Guarded(Path, () =>
        Scalar("SELECT MAX(started_at) FROM runs WHERE target = $target AND verdict IN ($pass, $warned)",
            ("$target", target), ("$pass", Running.Verdict.Pass), ("$warned", Running.Verdict.PassWithWarnings)) is string stamp ? Parse(stamp) : (DateTimeOffset?)null);

    public IReadOnlyList<string> Targets() => Guarded(Path, () =>
    {
        using var command = Command("SELECT DISTINCT target FROM runs ORDER BY target");
        using var reader = command.ExecuteReader();
        var targets = new List<string>();
        while (reader.Read()) targets.Add(reader.GetString(0));
        return targets;
    });

    private List<RunRecord> Load(string where, params (string Name, object? Value)[] parameters)
    {
        var runs = new List<RunRecord>();
        using (var command = Command($"""
            SELECT id, run_key, target, url, vendor, product, standard, standard_name, profile_digest, spec_digest, harness_version,
                   started_at, finished_at, verdict, status, message, report_dir, requests_sent
            FROM runs {where}
            """, parameters))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                runs.Add(new RunRecord
                {
                    Id = reader.GetInt64(0), RunKey = reader.GetString(1), Target = reader.GetString(2), Url = reader.GetString(3),
                    Vendor = reader.GetString(4), Product = reader.GetString(5), Standard = reader.GetString(6), StandardName = reader.GetString(7),
                    ProfileDigest = reader.GetString(8), SpecDigest = reader.GetString(9), HarnessVersion = reader.GetString(10),
                    StartedAt = Parse(reader.GetString(11)), FinishedAt = Parse(reader.GetString(12)), Verdict = reader.GetString(13),
                    Status = TargetStatuses.Parse(reader.GetString(14)), Message = reader.IsDBNull(15) ? null : reader.GetString(15),
                    ReportDir = reader.IsDBNull(16) ? null : reader.GetString(16), RequestsSent = reader.GetInt32(17),
                });
        return runs.Select(run => run with { Results = ResultsOf(run.Id), Coverage = CoverageOf(run.Id) }).ToList();
    }

    private List<RecordedResult> ResultsOf(long run)
    {
        using var command = Command("SELECT check_id, clause, level, operation, tier, outcome, message FROM results WHERE run_id = $run ORDER BY position", ("$run", run));
        using var reader = command.ExecuteReader();
        var results = new List<RecordedResult>();
        while (reader.Read())
            results.Add(new RecordedResult(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6)));
        return results;
    }

    private List<RecordedCoverage> CoverageOf(long run)
    {
        using var command = Command("""
            SELECT operation, tier, is_read, requests, answered, records_validated, ids_looked_up, gap FROM coverage WHERE run_id = $run ORDER BY position
            """, ("$run", run));
        using var reader = command.ExecuteReader();
        var coverage = new List<RecordedCoverage>();
        while (reader.Read())
            coverage.Add(new RecordedCoverage(reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        return coverage;
    }

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
        var current = SchemaVersion;
        if (current > HistoryMigrations.Steps.Count)
            throw new HistoryException(
                $"History database {Path} is at schema version {current}, made by a newer harness than this one (which knows {HistoryMigrations.Steps.Count}); upgrade the harness.");
        for (var version = current + 1; version <= HistoryMigrations.Steps.Count; version++)
        {
            using var transaction = _connection.BeginTransaction();
            Execute(HistoryMigrations.Steps[version - 1]);
            Execute("INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)", ("$version", version), ("$at", Stamp(DateTimeOffset.UtcNow)));
            transaction.Commit();
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>UTC, fixed width: the text sorts as the time does.</summary>
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static T Guarded<T>(string path, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e)
        {
            throw new HistoryException(e.SqliteErrorCode switch
            {
                5 or 6 => $"History database {path} is locked by another process (SQLite: {e.Message.TrimEnd('.')}); try again when it has finished, or give another --history.",
                11 or 26 => $"History database {path} is not a readable SQLite database (SQLite: {e.Message.TrimEnd('.')}); move it aside or give another --history.",
                _ => $"History database {path} could not be used (SQLite: {e.Message.TrimEnd('.')}).",
            });
        }
    }

    private static void Guarded(string path, Action work) => Guarded(path, () => { work(); return 0; });

    public void Dispose() => _connection.Dispose();
}
