using System.ComponentModel;
using Conformance.Door;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance monitor's flags.</summary>
public sealed class MonitorSettings : JudgingSettings
{
    [CommandOption("--profiles <GLOB|LISTFILE>"), Description("Vendor profiles to test: a glob ('vendor-profiles/*.yaml'), a folder, one profile, or a list file with a path or glob a line.")]
    public string? Profiles { get; init; }

    [CommandOption("--parallel <N>"), Description("Targets tested at once (default 4); each keeps its own rate and sends one request at a time."),
     TypeConverter(typeof(ParallelFlag))]
    public int? Parallel { get; init; }

    [CommandOption("--shard <I/N>"), Description("Test only the I-th of N slices of the targets (by a hash of each profile's name): one machine of a CI matrix.")]
    public string? Shard { get; init; }

    [CommandOption("--out <DIR>"), Description("Output folder: targets/NAME/ reports, dashboard/, summary.md, history.db (default reports/monitor-<timestamp>).")]
    public string? Out { get; init; }

    [CommandOption("--target-deadline <SECONDS>"), Description("The longest one target may take unless its profile sets limits.deadline_seconds (default 900)."),
     TypeConverter(typeof(TargetDeadlineFlag))]
    public TimeSpan? TargetDeadline { get; init; }

    public int ParallelCount => Parallel ?? MonitorOptions.DefaultParallel;

    public TimeSpan Deadline => TargetDeadline ?? MonitorOptions.DefaultTargetDeadline;

    public override ValidationResult Validate()
    {
        if (Profiles is null) return ValidationResult.Error("--profiles is required: a glob of vendor profiles ('vendor-profiles/*.yaml') or a list file.");
        var limits = Limits.Standard;
        if (Parallel is { } parallel && !limits.Concurrency.Allows(parallel))
            return ValidationResult.Error(limits.Concurrency.Refusal("--parallel", parallel));
        if (TargetDeadline is { } deadline && !limits.Deadline.Allows(deadline.TotalSeconds))
            return ValidationResult.Error(limits.Deadline.Refusal("--target-deadline", deadline.TotalSeconds));
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
