using System.ComponentModel;
using System.Globalization;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance monitor's flags.</summary>
public sealed class MonitorSettings : JudgingSettings
{
    [CommandOption("--profiles <GLOB|LISTFILE>"), Description("Vendor profiles to test: a glob ('vendor-profiles/*.yaml'), a folder, one profile, or a list file with a path or glob a line.")]
    public string? Profiles { get; init; }

    [CommandOption("--parallel <N>"), Description("Targets tested at once (default 4); each keeps its own rate and sends one request at a time.")]
    public string? Parallel { get; init; }

    [CommandOption("--shard <I/N>"), Description("Test only the I-th of N slices of the targets (by a hash of each profile's name): one machine of a CI matrix.")]
    public string? Shard { get; init; }

    [CommandOption("--out <DIR>"), Description("Output folder: targets/NAME/ reports, dashboard/, summary.md, history.db (default reports/monitor-<timestamp>).")]
    public string? Out { get; init; }

    [CommandOption("--target-deadline <SECONDS>"), Description("The longest one target may take unless its profile sets limits.deadline_seconds (default 900).")]
    public string? TargetDeadline { get; init; }

    public int ParallelCount => Parallel is null ? MonitorOptions.DefaultParallel : int.Parse(Parallel, CultureInfo.InvariantCulture);

    public TimeSpan Deadline => TargetDeadline is null ? MonitorOptions.DefaultTargetDeadline : TimeSpan.FromSeconds(double.Parse(TargetDeadline, CultureInfo.InvariantCulture));

    public override ValidationResult Validate()
    {
        if (Profiles is null) return ValidationResult.Error("--profiles is required: a glob of vendor profiles ('vendor-profiles/*.yaml') or a list file.");
        if (Parallel is not null && !(int.TryParse(Parallel, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64))
            return ValidationResult.Error($"--parallel must be a whole number from 1 to 64, not '{Parallel}'.");
        if (TargetDeadline is not null && (!double.TryParse(TargetDeadline, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !double.IsFinite(s) || s is <= 0 or > 7 * 24 * 3600))
            return ValidationResult.Error($"--target-deadline must be a number of seconds above 0 and at most a week, not '{TargetDeadline}'.");
        if (Shard is not null)
        {
            try
            {
                Monitoring.Shard.Parse(Shard);
            }
            catch (ConfigurationException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }
        return base.Validate();
    }
}
