using System.ComponentModel;
using System.Globalization;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance history: the runs the monitor has recorded, newest first.</summary>
public sealed class HistoryCommand : Command<HistoryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--history <PATH>"), Description("The history database (default .conformance/history.db).")]
        public string History { get; init; } = HistoryDatabase.DefaultPath;

        [CommandOption("--target <NAME|URL>"), Description("Only this target: its profile's name, or its URL.")]
        public string? Target { get; init; }

        [CommandOption("--limit <N>"), Description("At most this many runs (default 20)."), TypeConverter(typeof(RunsFlag))]
        public int? Limit { get; init; }

        public int LimitCount => Limit ?? 20;

        public override ValidationResult Validate() =>
            Limit is { } runs && Door.Limits.Standard.Runs is var limit && !limit.Allows(runs)
                ? ValidationResult.Error(limit.Refusal(limit.Flag!, runs))
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.History))
        {
            Terminal.Out.Line($"No history at {settings.History} yet: `conformance monitor` records one.");
            return ExitCodes.Pass;
        }
        using var history = HistoryDatabase.Open(settings.History);
        var runs = history.ByNumber(settings.Target, settings.LimitCount);
        if (runs.Count == 0)
        {
            Terminal.Out.Line($"No runs recorded{(settings.Target is null ? null : ConsoleText.Of($" for {settings.Target}"))} in {settings.History}.");
            return ExitCodes.Pass;
        }
        // Columns that fit 100 characters: a run's status goes with its verdict, and the harness is a column only where it changed.
        var harnesses = runs.Select(r => r.HarnessVersion).Distinct().ToList();
        string[] columns = ["run", "started (UTC)", "target", "verdict", "fail", "warn", "reads"];
        var table = new ConsoleTable(harnesses.Count > 1 ? [.. columns, "harness"] : columns) { HeadingColumns = 3 };
        foreach (var run in runs)
        {
            var (covered, planned) = run.ReadsCovered;
            // A run that ended in error without completing is told by how it ended ("misconfigured"): "error" adds nothing.
            var verdict = run.Status == TargetStatus.Completed ? ConsoleSummary.VerdictWord(run.Verdict)
                : run.Verdict == Running.Verdict.Error ? ConsoleText.Of($"[red]{run.Status.Name()}[/]")
                : ConsoleText.Of($"{ConsoleSummary.VerdictWord(run.Verdict)} ({run.Status.Name()})");
            ConsoleText[] cells =
            [
                ConsoleText.Of($"{run.Id}"), ConsoleText.Of($"{run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}"), ConsoleText.Of($"{run.Target}"), verdict,
                ConsoleText.Of($"{run.Failures.Count()}"), ConsoleText.Of($"{run.Warnings.Count()}"),
                planned == 0 ? ConsoleText.Of($"-") : ConsoleText.Of($"{covered}/{planned}"),
            ];
            table.Row(harnesses.Count > 1 ? [.. cells, ConsoleText.Of($"{Short(run.HarnessVersion)}")] : cells);
        }
        Terminal.Out.Write(table);
        if (harnesses.Count == 1) Terminal.Out.Line($"[grey]every run shown was made by conformance {harnesses[0]}[/]");
        return ExitCodes.Pass;
    }

    /// <summary>A harness version with its commit cut to seven characters, as git shows one: "0.1.0+72cd728".</summary>
    private static string Short(string version) => version.IndexOf('+') is var plus and > 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;
}
