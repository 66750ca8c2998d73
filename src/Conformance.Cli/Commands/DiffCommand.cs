using System.ComponentModel;
using System.Globalization;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance diff: what changed between two recorded runs (by default, each target's last two).</summary>
public sealed class DiffCommand : Command<DiffCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[RUN_A]"), Description("The earlier run's number (see `conformance history`). Alone: that run against the target's run before it.")]
        public string? RunA { get; init; }

        [CommandArgument(1, "[RUN_B]"), Description("The later run's number.")]
        public string? RunB { get; init; }

        [CommandOption("--history <PATH>"), Description("The history database (default .conformance/history.db).")]
        public string History { get; init; } = HistoryDatabase.DefaultPath;

        [CommandOption("--target <NAME|URL>"), Description("Without run numbers: only this target's last two runs.")]
        public string? Target { get; init; }

        [CommandOption("--format <text|markdown>"), Description("Plain text (default) or Markdown, e.g. for a CI job summary.")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate() =>
            Format is not ("text" or "markdown") ? ValidationResult.Error($"--format takes text or markdown, not '{Format}'.")
            : new[] { RunA, RunB }.FirstOrDefault(r => r is not null && !long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)) is { } bad
                ? ValidationResult.Error($"A run is given by its number (see `conformance history`), not '{bad}'.")
            : RunA is not null && Target is not null ? ValidationResult.Error("Give run numbers or --target, not both.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.History))
            throw new ConfigurationException($"No history at {settings.History}: `conformance monitor` records one (or give --history).");
        using var history = HistoryDatabase.Open(settings.History);
        RunRecord Find(string number) => history.Find(long.Parse(number, CultureInfo.InvariantCulture))
            ?? throw new ConfigurationException($"There is no run {number} in {settings.History} (see `conformance history`).");

        List<RunDiff> diffs;
        if (settings.RunA is { } a)
        {
            var first = Find(a);
            diffs = settings.RunB is { } b ? [new RunDiff(first, Find(b))] : [new RunDiff(history.Previous(first.Target, first.StartedAt), first)];
        }
        else
        {
            var targets = settings.Target is { } only ? [only] : history.Targets();
            diffs = targets.Select(t => history.Runs(t, 2)).Where(r => r.Count > 0)
                .Select(r => new RunDiff(r.Count > 1 ? r[1] : null, r[0])).ToList();
            if (diffs.Count == 0)
                throw new ConfigurationException($"No runs recorded{(settings.Target is null ? "" : $" for {settings.Target}")} in {settings.History}.");
        }
        // Line by line: each line's outside text is escaped already (code spans, or visible escapes), and is shown as it is, never as markup.
        var say = Terminal.Out;
        var text = settings.Format == "markdown" ? DiffWriter.Markdown(diffs) : DiffWriter.Text(diffs);
        foreach (var line in text.TrimEnd('\n').Split('\n')) say.Plain(line.TrimEnd('\r'));
        return ExitCodes.Pass;
    }
}
