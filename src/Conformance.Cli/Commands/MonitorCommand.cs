using Conformance.Door;
using Conformance.Monitoring;
using Conformance.Reference;
using Conformance.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance monitor: many suppliers at once, remembered night after night.</summary>
public sealed class MonitorCommand : AsyncCommand<MonitorSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MonitorSettings settings, CancellationToken cancellationToken)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var all = TargetList.Resolve(settings.Profiles!);
        var shard = settings.Shard is null ? Shard.All : Shard.Parse(settings.Shard);
        var targets = all.Where(shard.Holds).ToList();
        var baseline = settings.Baseline is null ? null : Baseline.Load(settings.Baseline);
        var outDir = Directory.CreateDirectory(settings.Out ?? Path.Combine("reports", "monitor-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"))).FullName;
        Terminal.Out.Line(
            $"Monitoring {targets.Count} target(s){(shard == Shard.All ? null : ConsoleText.Of($" (shard {shard} of {all.Count})"))}, {settings.ParallelCount} at a time; reports in {outDir}");

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = new StopSignals(cancel);
        var outcome = await new MonitorProgress(Terminal.Out.Ansi).ShowAsync(targets.Count, progress => MonitorSession.RunAsync(new MonitorSession.Settings
        {
            Targets = targets,
            OutDir = outDir,
            HistoryPath = settings.History,
            Baseline = baseline,
            FailOn = FailOnNames.Parse(settings.FailOn),
            Options = new MonitorOptions
            {
                Parallel = settings.ParallelCount,
                TargetDeadline = settings.Deadline,
                Door = new RunDoor { Catalogue = catalogue, StartReference = ReferenceImplementations.Starter(catalogue) },
            },
        }, progress, cancel.Token));

        if (stopping.Received is { } signal)
            Terminal.Out.Line($"[red]Stopped by {signal}:[/] the targets that finished are reported and recorded; the others are marked stopped.");
        return NightConsole.Print(outcome.Report, outcome.HistoryProblem, settings.History);
    }
}
