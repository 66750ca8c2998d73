using System.ComponentModel;
using System.Text.Json;
using Conformance.Certificates;
using Conformance.Door;
using Conformance.Reference.StandIns;
using Conformance.Reports;
using Conformance.Running;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>
/// conformance stand-in: the standard's reference implementation as the server a supplier's client talks to, judging
/// every request it sends; it stops on Ctrl+C or SIGTERM, after --for, once the client is idle for --until-idle, or
/// when the scenario is complete, and writes the same reports as a run with a verdict about the client.
/// </summary>
public sealed class StandInCommand : AsyncCommand<StandInCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--standard <ID>"), Description("Standard whose client is tested, e.g. open311-georeport-v2 (see 'conformance standards').")]
        public string? Standard { get; init; }

        [CommandOption("--scenario <NAME>"), Description("What the client is asked to do (standards/ID/scenarios/NAME.yaml; default: the standard's own choice).")]
        public string? Scenario { get; init; }

        [CommandOption("--port <N>"), Description("Port to listen on (default: a free one)."), TypeConverter(typeof(PortFlag))]
        public int? Port { get; init; }

        [CommandOption("--listen <ADDRESS>"), Description("IP address to listen on (default 127.0.0.1; 0.0.0.0 lets other machines in).")]
        public string Listen { get; init; } = "127.0.0.1";

        [CommandOption("--out <DIR>"), Description("Folder for the reports (default: reports/<timestamp>).")]
        public string? Out { get; init; }

        [CommandOption("--format <LIST>"), Description("Reports to write, comma-separated: json, html, md, junit, har (default: all of them).")]
        public string? Format { get; init; }

        [CommandOption("--for <DURATION>"), Description("Stop after this long (seconds, or 90s, 5m, 1h; default: the scenario's time limit). A scenario not completed by then is inconclusive."),
         TypeConverter(typeof(ForFlag))]
        public TimeSpan? For { get; init; }

        [CommandOption("--until-idle <SECONDS>"), Description("Stop once the client has sent nothing for this many seconds."), TypeConverter(typeof(UntilIdleFlag))]
        public TimeSpan? UntilIdle { get; init; }

        [CommandOption("--ready-file <PATH>"), Description("When listening, write the URL, credentials and scenario here as JSON (for scripts and CI).")]
        public string? ReadyFile { get; init; }

        [CommandOption("--max-requests <N>"), Description("Record at most this many requests (default 10000); later ones are answered 503."), TypeConverter(typeof(MaxRequestsFlag))]
        public int? MaxRequests { get; init; }

        [CommandOption("--max-body <MB>"), Description("Read at most this many megabytes of a request body (default 1); a longer one is answered 413."), TypeConverter(typeof(RequestBodyFlag))]
        public int? MaxBody { get; init; }

        [CommandOption("--sign <KEY>"), Description("On a pass, write certificate.json, signed with this private key, saying the client conformed.")]
        public string? Sign { get; init; }

        [CommandOption("--valid-days <N>"), Description("With --sign: days the certificate is valid (default 90)."), TypeConverter(typeof(ValidDaysFlag))]
        public int? ValidDays { get; init; }

        public StandInOverrides Overrides() => new()
        {
            Standard = Standard!, Scenario = Scenario, Listen = Listen, Port = Port, ForSeconds = For?.TotalSeconds,
            UntilIdleSeconds = UntilIdle?.TotalSeconds, MaxRequests = MaxRequests, MaxBodyMb = MaxBody,
        };

        public override ValidationResult Validate()
        {
            if (Standard is null) return ValidationResult.Error("--standard is required (see 'conformance standards').");
            if (ValidDays is not null && Sign is null) return ValidationResult.Error("--valid-days goes with --sign KEY.");
            if (Format is not null)
            {
                try
                {
                    if (Sign is not null && ReportWriter.Choose(Format).All(r => r.Format != "json"))
                        return ValidationResult.Error("--sign certifies report.json: add json to --format.");
                }
                catch (ConfigurationException e)
                {
                    return ValidationResult.Error(e.Message);
                }
            }
            return ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        return RunAsync(settings, new StandInDoor { Catalogue = catalogue, Hosting = new StandIns(catalogue) }, cancellationToken);
    }

    public static async Task<int> RunAsync(Settings settings, StandInDoor door, CancellationToken cancellationToken)
    {
        using var signingKey = settings.Sign is null ? null : SigningKeys.LoadPrivate(settings.Sign);
        var formats = ReportWriter.Choose(settings.Format);
        // Made before any client is let in, so an unwritable folder is found at once.
        var outDir = Directory.CreateDirectory(settings.Out ?? Path.Combine("reports", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"))).FullName;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = new StopSignals(cancel);
        using var standIn = door.Open(settings.Overrides());
        var session = standIn.Session;
        var say = Terminal.Out;
        say.Line($"Stand-in for [bold]{session.Profile.Name} {session.Profile.Version}[/] listening at [bold]{standIn.Url}[/]{(standIn.Loopback ? "" : " [yellow](open to other machines: --listen)[/]")}");
        say.Line($"Scenario [bold]{session.Scenario.Id}[/] ({session.Scenario.Title}), for a {session.Scenario.Role}: {session.Scenario.Asks}");
        foreach (var (name, value) in standIn.Credentials) say.Line($"  credential {name} = {value}");
        foreach (var (name, value) in standIn.Values) say.Line($"  value      {name} = {value}");
        say.Line($"Point the client at the URL. The stand-in stops when the scenario is complete, after {standIn.Limit.TotalSeconds:0.#} s{(standIn.UntilIdle is { } idle ? $", once the client is idle for {idle.TotalSeconds:0.#} s" : "")}, or on Ctrl+C.");
        if (settings.ReadyFile is { } ready) WriteReady(ready, standIn);

        var why = await standIn.WaitAsync(cancel.Token);
        if (stopping.Received is { } signal) why = $"stopped by {signal}";
        standIn.Stop(why);
        var result = standIn.Judge();
        var written = standIn.WriteReports(result, outDir, formats);
        ConsoleSummary.Print(result, written);
        if (signingKey is not null)
        {
            var certified = standIn.Certify(result, written, signingKey, settings.ValidDays ?? Certification.DefaultValidDays);
            if (certified is { Path: { } path, Claims: { } claims })
                say.Line($"Certificate: wrote {path}, valid until {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC (key {SigningKeys.KeyId(signingKey)}): the client, a {claims.ClientRole}, conformed playing {claims.Scenario}.");
            else say.Line($"[red]No certificate:[/] {certified.Refusal}");
        }
        ConsoleSummary.Conclude(result, written); // last, so the report to open is the console's last line
        return Verdict.ExitCode(result.Verdict);
    }

    /// <summary>The ready file, written whole (to a .partial file first) so a script never reads half of it.</summary>
    private static void WriteReady(string path, OpenStandIn standIn)
    {
        var document = standIn.Ready();
        document["pid"] = Environment.ProcessId;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full + ".partial", document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(full + ".partial", full, overwrite: true);
    }
}
