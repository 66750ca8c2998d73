using System.ComponentModel;
using System.Security.Cryptography;
using Conformance.Certificates;
using Conformance.Door;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Vendors;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>conformance run: plan, probe, judge, report.</summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--profile <FILE>"), Description("Vendor profile (vendor-profiles/*.yaml): URL, standard, auth, limits. Flags override it.")]
        public string? Profile { get; init; }

        [CommandOption("--standard <ID>"), Description("Standard to test against, e.g. oruk-3.0 (see 'conformance standards'), or auto: chosen from the target's / document.")]
        public string? Standard { get; init; }

        [CommandOption("--url <BASE>"), Description("Base URL of the API under test.")]
        public string? Url { get; init; }

        [CommandOption("--reference"), Description("Start the standard's built-in reference implementation and test it.")]
        public bool Reference { get; init; }

        [CommandOption("--spec <PATH_OR_URL>"), Description("Use this published spec instead of our transcription (errata are applied).")]
        public string? Spec { get; init; }

        [CommandOption("--ref-map <PREFIX=DIR>"), Description("Map remote $ref prefixes to a local folder (repeatable).")]
        public string[] RefMap { get; init; } = [];

        [CommandOption("--allow-remote-refs <HOST>"), Description("Fetch the spec's remote $refs from this host too (repeatable); otherwise only from the spec's own origin.")]
        public string[] AllowRemoteRefs { get; init; } = [];

        [CommandOption("--out <DIR>"), Description("Folder for the reports (default: reports/<timestamp>).")]
        public string? Out { get; init; }

        [CommandOption("--format <LIST>"), Description("Reports to write, comma-separated: json, html, md, junit, har (default: all of them).")]
        public string? Format { get; init; }

        [CommandOption("--header <'NAME: VALUE'>"), Description("Send this header with every request (repeatable).")]
        public string[] Header { get; init; } = [];

        [CommandOption("--timeout <SECONDS>"), Description("Seconds to wait for each response (default 30)."), TypeConverter(typeof(TimeoutFlag))]
        public TimeSpan? Timeout { get; init; }

        [CommandOption("--max-body <MB>"), Description("Read at most this many megabytes of each response body, decompressed (default 20); a longer body is cut and not judged."),
         TypeConverter(typeof(MaxBodyFlag))]
        public int? MaxBody { get; init; }

        [CommandOption("--max-pages <N>"), Description("Pages sampled per list: first, last, then middle ones (default 3); two more are chosen at random (see --seed)."),
         TypeConverter(typeof(MaxPagesFlag))]
        public int? MaxPages { get; init; }

        [CommandOption("--seed <N>"), Description("Seed of the random page sample, to repeat an earlier run's pages (printed by every run)."), TypeConverter(typeof(SeedFlag))]
        public int? Seed { get; init; }

        [CommandOption("--harvest <all>"), Description("'all': walk every page of every list instead of sampling.")]
        public string? Harvest { get; init; }

        [CommandOption("--allow-writes"), Description("Make the standard's harmless writes (Open311: POST a test request). Only for a vendor profile whose environment is test, or --reference.")]
        public bool AllowWrites { get; init; }

        [CommandOption("--negative"), Description("Also send requests made to fail: an unknown id (must be 404), an invalid page number (never a 5xx). The same as --probe negative.")]
        public bool Negative { get; init; }

        [CommandOption("--probe <GROUP>"), Description("Also send a group of requests a check sends only when asked (repeatable): negative, or any other a check declares.")]
        public string[] Probe { get; init; } = [];

        [CommandOption("--deadline <SECONDS>"), Description("Stop the whole run after this many seconds and report what was found (exit 3 if it was cut short)."),
         TypeConverter(typeof(DeadlineFlag))]
        public TimeSpan? Deadline { get; init; }

        [CommandOption("--rate <PER_SECOND>"), Description("At most this many requests a second, or 'unlimited' (or 0) for a local target (default 5; the built-in reference: unlimited)."),
         TypeConverter(typeof(RateFlag))]
        public double? Rate { get; init; }

        [CommandOption("--harvest-limit <PAGES>"), Description("With --harvest all, read at most this many pages of each list (default 10000); the report says where a list had more."),
         TypeConverter(typeof(HarvestLimitFlag))]
        public int? HarvestLimit { get; init; }

        [CommandOption("--sign <KEY>"), Description("On a pass, write certificate.json signed with this private key (from 'conformance keygen').")]
        public string? Sign { get; init; }

        [CommandOption("--valid-days <N>"), Description("With --sign: days the certificate is valid (default 90)."), TypeConverter(typeof(ValidDaysFlag))]
        public int? ValidDays { get; init; }

        /// <summary>What the flags say about the run; the door holds each number to its limit.</summary>
        public RunOverrides Overrides() => new()
        {
            Standard = Standard, Url = Url, Reference = Reference, Spec = Spec,
            RefMap = RefMap, AllowRemoteRefs = AllowRemoteRefs, Headers = Header.Select(ParseHeader).ToList(),
            TimeoutSeconds = Timeout?.TotalSeconds, RequestsPerSecond = Rate, DeadlineSeconds = Deadline?.TotalSeconds,
            MaxPages = MaxPages, MaxBodyMb = MaxBody, HarvestAll = Harvest == "all", HarvestPages = HarvestLimit, Seed = Seed,
            AllowWrites = AllowWrites, OptIns = [.. Negative ? [OptIn.Negative] : Array.Empty<string>(), .. Probe],
        };

        public override ValidationResult Validate()
        {
            if (Standard is null && Profile is null && Spec is null)
                return ValidationResult.Error("--standard is required (see 'conformance standards'), or a --profile that names it, or --spec for any OpenAPI document.");
            if (Reference && Standard is null && Profile is null) return ValidationResult.Error("--reference needs --standard: reference implementations exist per standard.");
            if (Reference && Url is not null) return ValidationResult.Error("Give --url BASE or --reference, not both.");
            if (!Reference && Url is null && Profile is null) return ValidationResult.Error("Give --url BASE (the API to test) or --reference (the built-in reference implementation).");
            if (Url is not null && !(Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                return ValidationResult.Error($"--url must be an absolute http or https URL, not '{Url}'.");
            if (Harvest is not null && Harvest != "all")
                return ValidationResult.Error($"--harvest takes 'all' (walk every page), not '{Harvest}'.");
            if (ValidDays is not null && Sign is null) return ValidationResult.Error("--valid-days goes with --sign KEY.");
            if (ValidDays is { } days && Limits.Standard.ValidDays is var validity && !validity.Allows(days))
                return ValidationResult.Error(validity.Refusal(validity.Flag!, days));
            if (Format is not null)
            {
                try
                {
                    var chosen = ReportWriter.Choose(Format);
                    // A certificate is about report.json: signing needs it written.
                    if (Sign is not null && chosen.All(r => r.Format != "json"))
                        return ValidationResult.Error("--sign certifies report.json: add json to --format.");
                }
                catch (ConfigurationException e)
                {
                    return ValidationResult.Error(e.Message);
                }
            }
            if (Header.FirstOrDefault(h => !ValidHeader(h)) is { } bad)
                return ValidationResult.Error($"--header expects 'Name: value' with a name of letters, digits and -_.!#$%&'*+^`|~, not '{bad}'.");
            return ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        return RunAsync(settings, new RunDoor { Catalogue = catalogue, StartReference = ReferenceImplementations.Starter(catalogue) }, cancellationToken);
    }

    /// <summary>The run the flags ask for, through the given door (the CLI's own, or a test's).</summary>
    public static async Task<int> RunAsync(Settings settings, RunDoor door, CancellationToken cancellationToken)
    {
        // A key that will not do is found before any request, not after a long run.
        using var signingKey = settings.Sign is null ? null : SigningKeys.LoadPrivate(settings.Sign);
        var vendor = settings.Profile is null ? null : VendorProfileLoader.Load(settings.Profile);
        using var run = door.Open(vendor, settings.Overrides());
        var prepared = await run.PrepareAsync(cancellationToken);
        var say = Terminal.Out;
        foreach (var note in prepared.Notes) say.Line($"{Redaction.Mask(note, run.Request.Secrets)}");
        // Made before any request, so an unwritable folder is found before the run, not after it.
        var outDir = Directory.CreateDirectory(settings.Out ?? Path.Combine("reports", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"))).FullName;
        if (vendor is not null)
            say.Line($"Vendor profile: {vendor.Vendor}, {vendor.Product} ({settings.Profile})");

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = new StopSignals(cancel);
        var address = Redaction.Mask(run.Request.Target.GetLeftPart(UriPartial.Path), run.Request.Secrets);
        var supplier = run.Request.Supplier;
        var named = supplier.Vendor is null && supplier.Product is null ? null : ConsoleText.Of($"[bold]{supplier.NameFor(address)}[/] at ");
        say.Line($"Testing {named}{address} against [bold]{prepared.Profile.Name} {prepared.Profile.Version}[/]{(run.OnReference ? " (the built-in reference implementation: a demonstration)" : "")}");
        say.Line($"[grey]spec: {Redaction.Mask(prepared.Spec.Location.ToString(), run.Request.Secrets)} ({prepared.Spec.Operations.Count} operations, {prepared.Spec.Diagnostics.Count} diagnostics)[/]");

        // The signals stay handled until the reports are written: a stop never loses what was found.
        var result = await run.RunAsync(new ConsoleProgress(() => run.Request.Secrets), cancel.Token);
        if (stopping.Received is { } signal) result.Notes.Add($"Stopped by {signal}: what was found before it is reported.");

        var written = run.WriteReports(result, outDir, ReportWriter.Choose(settings.Format));
        ConsoleSummary.Print(result, written);
        if (signingKey is not null) Print(await run.CertifyAsync(result, written, signingKey, settings.ValidDays ?? Certification.DefaultValidDays), run, signingKey);
        ConsoleSummary.Conclude(result, written); // last, so the report to open is the console's last line
        return Verdict.ExitCode(result.Verdict);
    }

    /// <summary>The certificate for a pass, or the reason there is none. The exit code is the verdict's either way.</summary>
    private static void Print(Certified certified, OpenRun run, ECDsa key)
    {
        var say = Terminal.Out;
        if (certified is not { Path: { } path, Claims: { } claims })
        {
            say.Line($"[red]No certificate:[/] {certified.Refusal}");
            return;
        }
        say.Line($"Certificate: wrote {path}, valid until {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC (key {SigningKeys.KeyId(key)}).");
        if (run.OnReference) say.Line($"[yellow]The certificate is a demo:[/] it certifies the built-in reference implementation, not a vendor's API.");
        if (run.Vendor is null) say.Line($"[grey]No vendor profile was given, so the certificate names no vendor or product (--profile).[/]");
    }

    private static bool ValidHeader(string header)
    {
        var colon = header.IndexOf(':');
        var name = colon > 0 ? header[..colon].Trim() : "";
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "-_.!#$%&'*+^`|~".Contains(c));
    }

    private static KeyValuePair<string, string> ParseHeader(string header)
    {
        var colon = header.IndexOf(':');
        return new(header[..colon].Trim(), header[(colon + 1)..].Trim());
    }
}
