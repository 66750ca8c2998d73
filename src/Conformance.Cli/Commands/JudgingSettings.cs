using System.ComponentModel;
using Conformance.Monitoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>What `monitor` and `merge` share: where history is, and what fails the job.</summary>
public class JudgingSettings : CommandSettings
{
    [CommandOption("--history <PATH>"), Description("The history database (SQLite; created if missing). Default .conformance/history.db.")]
    public string History { get; init; } = HistoryDatabase.DefaultPath;

    [CommandOption("--baseline <FILE>"), Description("Known failures (JSON, the shape of failures.json) that do not fail the job under --fail-on new.")]
    public string? Baseline { get; init; }

    [CommandOption("--fail-on <new|any>"), Description("Fail the job on any failure, or only on new ones (not in the baseline, or without one, not failing in the previous run). Default: any without --baseline, new with it.")]
    public string? FailOn { get; init; }

    public override ValidationResult Validate() =>
        FailOn is not null and not ("new" or "any") ? ValidationResult.Error($"--fail-on takes new or any, not '{FailOn}'.") : ValidationResult.Success();
}
