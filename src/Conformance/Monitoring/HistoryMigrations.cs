namespace Conformance.Monitoring;

/// <summary>
/// The history schema, one step a version. A database records the last step applied (table schema_version); opening
/// it applies the steps after that, each in its own transaction. A step once released is never edited: a change is a new step.
/// </summary>
public static class HistoryMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: runs and their results.
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            run_key TEXT NOT NULL UNIQUE,
            target TEXT NOT NULL,
            url TEXT NOT NULL,
            vendor TEXT NOT NULL,
            product TEXT NOT NULL,
            standard TEXT NOT NULL,
            standard_name TEXT NOT NULL,
            profile_digest TEXT NOT NULL,
            spec_digest TEXT NOT NULL,
            harness_version TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            verdict TEXT NOT NULL,
            status TEXT NOT NULL,
            message TEXT,
            report_dir TEXT,
            requests_sent INTEGER NOT NULL
        );
        CREATE INDEX runs_by_target ON runs (target, started_at);
        CREATE TABLE results (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            check_id TEXT NOT NULL,
            clause TEXT NOT NULL,
            level TEXT NOT NULL,
            operation TEXT NOT NULL,
            tier TEXT NOT NULL,
            outcome TEXT NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (run_id, position)
        );
        """,
        // 2: what each run covered, operation by operation.
        """
        CREATE TABLE coverage (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            operation TEXT NOT NULL,
            tier TEXT NOT NULL,
            is_read INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            records_validated INTEGER NOT NULL,
            ids_looked_up INTEGER NOT NULL,
            gap TEXT,
            PRIMARY KEY (run_id, position)
        );
        """,
    ];
}
