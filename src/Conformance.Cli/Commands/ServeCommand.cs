using System.ComponentModel;
using Conformance.Reference.Defects;
using Conformance.Reference;
using Conformance.Running;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>conformance serve: a reference implementation for vendors to develop against.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--standard <ID>"), Description("Standard to serve, e.g. oruk-3.0.")]
        public string? Standard { get; init; }

        [CommandOption("--port <N>"), Description("Port on 127.0.0.1 (default: a free one).")]
        public string? Port { get; init; } // parsed in Validate, so a bad value names its flag

        [CommandOption("--defect <NAME>"), Description("Serve with this defect from the catalogue (repeatable; 'conformance defects' lists them).")]
        public string[] Defects { get; init; } = [];

        [CommandOption("--admin"), Description("Also start WireMock's admin interface at /__admin (off by default).")]
        public bool Admin { get; init; }

        public int? PortNumber => Port is null ? null : int.Parse(Port, System.Globalization.CultureInfo.InvariantCulture);

        public override ValidationResult Validate() =>
            Standard is null ? ValidationResult.Error("--standard is required (see 'conformance standards').")
            : Port is not null && !(int.TryParse(Port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535)
                ? ValidationResult.Error($"--port must be a whole number from 1 to 65535, not '{Port}'.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var defects = settings.Defects.Select(DefectCatalogue.Find).ToList();
        using var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), settings.Standard!, settings.PortNumber, defects, settings.Admin);
        AnsiConsole.MarkupLineInterpolated($"Serving the {settings.Standard} reference implementation at [bold]{server.Url}[/]");
        foreach (var defect in defects)
            AnsiConsole.MarkupLineInterpolated($"  with defect [yellow]{defect.Name}[/]: {defect.Breaks}");
        if (settings.Admin) AnsiConsole.MarkupLineInterpolated($"  admin interface at {server.Url}/__admin");
        if (server.Client is { } client)
            AnsiConsole.MarkupLineInterpolated(
                $"  OAuth2 client credentials: POST {client.Auth.TokenUrl} with client id {client.Values[ReferenceClient.IdVariable]} and secret {client.Values[ReferenceClient.SecretVariable]} (scopes {client.Auth.Scope}; a demo client, see {settings.Standard}/reference/clients.json for the others)");
        AnsiConsole.MarkupLine("Press Ctrl+C to stop.");
        var stopped = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
        await using var registration = cancellationToken.Register(() => stopped.TrySetResult());
        await stopped.Task;
        return ExitCodes.Pass;
    }
}
