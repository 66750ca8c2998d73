using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Conformance.Certificates;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;
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

        [CommandOption("--timeout <SECONDS>"), Description("Seconds to wait for each response (default 30).")]
        public string? Timeout { get; init; } // parsed in Validate, so a bad value names its flag

        [CommandOption("--max-body <MB>"), Description("Read at most this many megabytes of each response body, decompressed (default 20); a longer body is cut and not judged.")]
        public string? MaxBody { get; init; }

        [CommandOption("--max-pages <N>"), Description("Pages sampled per list: first, last, then middle ones (default 3); two more are chosen at random (see --seed).")]
        public string? MaxPages { get; init; }

        [CommandOption("--seed <N>"), Description("Seed of the random page sample, to repeat an earlier run's pages (printed by every run).")]
        public string? Seed { get; init; }

        [CommandOption("--harvest <all>"), Description("'all': walk every page of every list instead of sampling.")]
        public string? Harvest { get; init; }

        [CommandOption("--allow-writes"), Description("Make the standard's harmless writes (Open311: POST a test request). Only for a vendor profile whose environment is test, or --reference.")]
        public bool AllowWrites { get; init; }

        [CommandOption("--negative"), Description("Also send requests made to fail: an unknown id (must be 404), an invalid page number (never a 5xx).")]
        public bool Negative { get; init; }

        [CommandOption("--deadline <SECONDS>"), Description("Stop the whole run after this many seconds and report what was found (exit 3 if it was cut short).")]
        public string? Deadline { get; init; }

        public double? DeadlineSeconds => Deadline is null ? null : double.Parse(Deadline, CultureInfo.InvariantCulture);

        [CommandOption("--rate <PER_SECOND>"), Description("At most this many requests a second, or 'unlimited' (or 0) for a local target (default 5; the built-in reference: unlimited).")]
        public string? Rate { get; init; }

        public double? RatePerSecond => Rate is null ? null
            : Rate == "unlimited" || double.Parse(Rate, CultureInfo.InvariantCulture) == 0 ? RunOverrides.Unlimited
            : double.Parse(Rate, CultureInfo.InvariantCulture);

        [CommandOption("--harvest-limit <PAGES>"), Description("With --harvest all, read at most this many pages of each list (default 10000); the report says where a list had more.")]
        public string? HarvestLimit { get; init; }

        [CommandOption("--sign <KEY>"), Description("On a pass, write certificate.json signed with this private key (from 'conformance keygen').")]
        public string? Sign { get; init; }

        [CommandOption("--valid-days <N>"), Description("With --sign: days the certificate is valid (default 90).")]
        public string? ValidDays { get; init; }

        public int ValidDaysCount => ValidDays is null ? Certification.DefaultValidDays : int.Parse(ValidDays, CultureInfo.InvariantCulture);

        public double? TimeoutSeconds => Timeout is null ? null : double.Parse(Timeout, CultureInfo.InvariantCulture);
        public int? MaxPagesCount => MaxPages is null ? null : int.Parse(MaxPages, CultureInfo.InvariantCulture);
        public int? MaxBodyMegabytes => MaxBody is null ? null : int.Parse(MaxBody, CultureInfo.InvariantCulture);

        public override ValidationResult Validate()
        {
            if (Standard is null && Profile is null && Spec is null)
                return ValidationResult.Error("--standard is required (see 'conformance standards'), or a --profile that names it, or --spec for any OpenAPI document.");
            if (Reference && Standard is null && Profile is null) return ValidationResult.Error("--reference needs --standard: reference implementations exist per standard.");
            if (Reference && Url is not null) return ValidationResult.Error("Give --url BASE or --reference, not both.");
            if (!Reference && Url is null && Profile is null) return ValidationResult.Error("Give --url BASE (the API to test) or --reference (the built-in reference implementation).");
            if (Url is not null && !(Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                return ValidationResult.Error($"--url must be an absolute http or https URL, not '{Url}'.");
            if (Timeout is not null && (!double.TryParse(Timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds is <= 0 or > 3600))
                return ValidationResult.Error($"--timeout must be a number of seconds above 0 and at most 3600, not '{Timeout}'.");
            if (Deadline is not null && (!double.TryParse(Deadline, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) || !double.IsFinite(limit) || limit is <= 0 or > 7 * 24 * 3600))
                return ValidationResult.Error($"--deadline must be a number of seconds above 0 and at most a week, not '{Deadline}'.");
            if (Seed is not null && !int.TryParse(Seed, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                return ValidationResult.Error($"--seed must be a whole number, not '{Seed}'.");
            if (Harvest is not null && Harvest != "all")
                return ValidationResult.Error($"--harvest takes 'all' (walk every page), not '{Harvest}'.");
            if (Rate is not null && Rate != "unlimited" && (!double.TryParse(Rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                                                            || !double.IsFinite(rate) || (rate is < 0.01 or > 1000 && rate != 0)))
                return ValidationResult.Error($"--rate must be a number of requests a second from 0.01 to 1000, or 'unlimited' (or 0), not '{Rate}'.");
            if (HarvestLimit is not null && (!int.TryParse(HarvestLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limitPages) || limitPages < 1))
                return ValidationResult.Error($"--harvest-limit must be a whole number of pages from 1, not '{HarvestLimit}'.");
            if (MaxPages is not null && (!int.TryParse(MaxPages, NumberStyles.None, CultureInfo.InvariantCulture, out var pages) || pages < 1))
                return ValidationResult.Error($"--max-pages must be a whole number from 1, not '{MaxPages}'.");
            if (MaxBody is not null && (!int.TryParse(MaxBody, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes)
                                        || megabytes is < 1 or > (int)(ProbeSettings.MostBodyBytes / ProbeSettings.Megabyte)))
                return ValidationResult.Error($"--max-body must be a whole number of megabytes from 1 to {ProbeSettings.MostBodyBytes / ProbeSettings.Megabyte}, not '{MaxBody}'.");
            if (ValidDays is not null && Sign is null) return ValidationResult.Error("--valid-days goes with --sign KEY.");
            if (ValidDays is not null && (!int.TryParse(ValidDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > Certification.MostValidDays))
                return ValidationResult.Error($"--valid-days must be a whole number of days from 1 to {Certification.MostValidDays}, not '{ValidDays}'.");
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

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // A key that will not do is found before any request, not after a long run.
        using var signingKey = settings.Sign is null ? null : SigningKeys.LoadPrivate(settings.Sign);
        var catalogue = ConformanceRun.DefaultCatalogue();
        var vendor = settings.Profile is null ? null : VendorProfileLoader.Load(settings.Profile);
        var overrides = new RunOverrides
        {
            Standard = settings.Standard, Url = settings.Url, Reference = settings.Reference, Spec = settings.Spec,
            RefMap = settings.RefMap, AllowRemoteRefs = settings.AllowRemoteRefs, Headers = settings.Header.Select(ParseHeader).ToList(),
            TimeoutSeconds = settings.TimeoutSeconds, RequestsPerSecond = settings.RatePerSecond, DeadlineSeconds = settings.DeadlineSeconds,
            MaxPages = settings.MaxPagesCount, MaxBodyMb = settings.MaxBodyMegabytes, HarvestAll = settings.Harvest == "all",
            HarvestPages = settings.HarvestLimit is null ? null : int.Parse(settings.HarvestLimit, CultureInfo.InvariantCulture),
            Seed = settings.Seed is null ? null : int.Parse(settings.Seed, CultureInfo.InvariantCulture),
            AllowWrites = settings.AllowWrites, Negative = settings.Negative,
        };
        // The front end's only part in the policy: it starts the reference implementation the request asks for.
        using var reference = RunRequest.WantsReference(vendor, overrides) && RunRequest.StandardOf(vendor, overrides) is { } standard and not "auto"
            ? ReferenceImplementations.Start(catalogue, standard) : null;
        var request = RunRequest.From(vendor, overrides, reference is null ? null : new Uri(reference.Url), reference?.Client?.Environment(), reference?.Client?.Auth);
        var prepared = await ConformanceRun.PrepareAsync(request, catalogue, cancellationToken);
        foreach (var note in prepared.Notes) AnsiConsole.MarkupLineInterpolated($"{note}");
        // Made before any request, so an unwritable folder is found before the run, not after it.
        var outDir = Directory.CreateDirectory(settings.Out ?? Path.Combine("reports", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"))).FullName;
        if (vendor is not null)
            AnsiConsole.MarkupLineInterpolated($"Vendor profile: {vendor.Vendor}, {vendor.Product} ({settings.Profile})");

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = new StopSignals(cancel);
        AnsiConsole.MarkupLineInterpolated($"Testing [bold]{request.Target.GetLeftPart(UriPartial.Path)}[/] against [bold]{prepared.Profile.Name} {prepared.Profile.Version}[/]{(reference is null ? "" : " (built-in reference implementation)")}");
        AnsiConsole.MarkupLineInterpolated($"[grey]spec: {prepared.Spec.Location} ({prepared.Spec.Operations.Count} operations, {prepared.Spec.Diagnostics.Count} diagnostics)[/]");

        // The signals stay handled until the reports are written: a stop never loses what was found.
        var result = await ConformanceRun.ExecuteAsync(prepared, new ConsoleProgress(() => request.Secrets), cancel.Token);
        if (stopping.Received is { } signal) result.Notes.Add($"Stopped by {signal}: what was found before it is reported.");

        var written = ReportWriter.WriteAll(result, outDir, ReportWriter.Choose(settings.Format));
        ConsoleSummary.Print(result, written);
        if (signingKey is not null) Certify(result, prepared, vendor, reference is not null, signingKey, settings.ValidDaysCount, outDir);
        return Verdict.ExitCode(result.Verdict);
    }

    /// <summary>A certificate for a pass, beside the report it certifies; otherwise the reason there is none. The exit code is the verdict's either way.</summary>
    private static void Certify(RunResult result, PreparedRun prepared, VendorProfile? vendor, bool demo, ECDsa key, int validDays, string outDir)
    {
        if (Certification.Refusal(result) is { } refusal)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No certificate:[/] {refusal}");
            return;
        }
        var report = File.ReadAllBytes(Path.Combine(outDir, CertificateClaims.ReportName));
        var harness = typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var claims = CertificateClaims.Of(result, prepared.Profile, vendor, report, harness, demo, DateTimeOffset.UtcNow, validDays);
        var path = Path.Combine(outDir, Certification.FileName);
        File.WriteAllText(path, Certification.Sign(claims, key).ToJson() + "\n");
        AnsiConsole.MarkupLineInterpolated($"Certificate: wrote {path}, valid until {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC (key {SigningKeys.KeyId(key)}).");
        if (demo) AnsiConsole.MarkupLine("[yellow]The certificate is a demo:[/] it certifies the built-in reference implementation, not a vendor's API.");
        if (vendor is null) AnsiConsole.MarkupLine("[grey]No vendor profile was given, so the certificate names no vendor or product (--profile).[/]");
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
