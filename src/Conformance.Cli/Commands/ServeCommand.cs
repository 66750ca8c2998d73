using System.ComponentModel;
using Conformance.Reference;
using Conformance.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance serve: a reference implementation for vendors to develop against.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--standard <ID>"), Description("Standard to serve, e.g. oruk-3.0.")]
        public string? Standard { get; init; }

        [CommandOption("--port <N>"), Description("Port on 127.0.0.1 (default: a free one).")]
        public int? Port { get; init; }

        public override ValidationResult Validate() =>
            Standard is null ? ValidationResult.Error("--standard is required (see 'conformance standards').")
            : Port is < 1 or > 65535 ? ValidationResult.Error("--port must be between 1 and 65535.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), settings.Standard!, settings.Port);
        AnsiConsole.MarkupLineInterpolated($"Serving the {settings.Standard} reference implementation at [bold]{server.Url}[/]");
        AnsiConsole.MarkupLine("Press Ctrl+C to stop.");
        var stopped = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
        await using var registration = cancellationToken.Register(() => stopped.TrySetResult());
        await stopped.Task;
        return ExitCodes.Pass;
    }
}
