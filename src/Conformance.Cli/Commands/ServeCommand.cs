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

        [CommandOption("--port <N>"), Description("Port on 127.0.0.1 (default: a free one)."), TypeConverter(typeof(PortFlag))]
        public int? Port { get; init; }

        [CommandOption("--defect <NAME>"), Description("Serve with this defect from the catalogue (repeatable; 'conformance defects' lists them).")]
        public string[] Defects { get; init; } = [];

        [CommandOption("--admin"), Description("Also start WireMock's admin interface at /__admin (off by default).")]
        public bool Admin { get; init; }

        public override ValidationResult Validate() =>
            Standard is null ? ValidationResult.Error("--standard is required (see 'conformance standards').")
            : Port is { } port && Door.Limits.Standard.Port is var limit && !limit.Allows(port) ? ValidationResult.Error(limit.Refusal(limit.Flag!, port))
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var defects = settings.Defects.Select(DefectCatalogue.Find).ToList();
        using var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), settings.Standard!, settings.Port, defects, settings.Admin);
        var say = Terminal.Out;
        say.Line($"Serving the {settings.Standard} reference implementation at [bold]{server.Url}[/]");
        foreach (var defect in defects)
            say.Line($"  with defect [yellow]{defect.Name}[/]: {defect.Breaks}");
        if (settings.Admin) say.Line($"  admin interface at {server.Url}/__admin");
        if (server.Client is { } client)
            say.Line($"  OAuth2 client credentials: POST {client.Auth.TokenUrl} with client id {client.Values[ReferenceClient.IdVariable]} and secret {client.Values[ReferenceClient.SecretVariable]} (scopes {client.Auth.Scope}; a demo client, see {settings.Standard}/reference/clients.json for the others)");
        say.Line($"Press Ctrl+C to stop.");
        var stopped = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
        await using var registration = cancellationToken.Register(() => stopped.TrySetResult());
        await stopped.Task;
        return ExitCodes.Pass;
    }
}
