using System.ComponentModel;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance merge: shard outputs joined into one dashboard and one history.</summary>
public sealed class MergeCommand : Command<MergeCommand.Settings>
{
    public sealed class Settings : JudgingSettings
    {
        [CommandArgument(0, "<DIRS>"), Description("Output folders of `monitor` runs (e.g. one per shard).")]
        public string[] Dirs { get; init; } = [];

        [CommandOption("--out <DIR>"), Description("Where the merged targets/, dashboard/, summary.md and history.db go.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Out is null ? ValidationResult.Error("--out is required: the folder the merged dashboard and history go to.")
            : Dirs.FirstOrDefault(d => !Directory.Exists(d)) is { } missing ? ValidationResult.Error($"'{missing}' is not a folder.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var baseline = settings.Baseline is null ? null : Baseline.Load(settings.Baseline);
        Terminal.Out.Line($"Merging {settings.Dirs.Length} folder(s) into {Path.GetFullPath(settings.Out!)}");
        var report = MonitorMerge.Run(settings.Dirs, settings.Out!, settings.History, baseline, FailOnNames.Parse(settings.FailOn));
        return NightConsole.Print(report, null, settings.History);
    }
}
