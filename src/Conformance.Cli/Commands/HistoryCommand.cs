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
        var runs = history.Runs(settings.Target, settings.LimitCount);
        if (runs.Count == 0)
        {
            Terminal.Out.Line($"No runs recorded{(settings.Target is null ? null : ConsoleText.Of($" for {settings.Target}"))} in {settings.History}.");
            return ExitCodes.Pass;
        }
        var table = new ConsoleTable("run", "started (UTC)", "target", "standard", "verdict", "status", "failures", "warnings", "reads covered", "harness");
        foreach (var run in runs)
        {
            var (covered, planned) = run.ReadsCovered;
            table.Row(ConsoleText.Of($"{run.Id}"), ConsoleText.Of($"{run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}"),
                ConsoleText.Of($"{run.Target}"), ConsoleText.Of($"{run.Standard}"), ConsoleText.Of($"{run.Verdict}"), ConsoleText.Of($"{run.Status.Name()}"),
                ConsoleText.Of($"{run.Failures.Count()}"), ConsoleText.Of($"{run.Warnings.Count()}"),
                planned == 0 ? ConsoleText.Of($"-") : ConsoleText.Of($"{covered}/{planned}"), ConsoleText.Of($"{run.HarnessVersion}"));
        }
        Terminal.Out.Write(table);
        return ExitCodes.Pass;
    }
}
