using System.ComponentModel;
using System.Globalization;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;
using Conformance.Vendors;
using Spectre.Console;
using Spectre.Console.Cli;

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

        [CommandOption("--out <DIR>"), Description("Folder for report.json and junit.xml (default: reports/<timestamp>).")]
        public string? Out { get; init; }

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

        [CommandOption("--rate <PER_SECOND>"), Description("At most this many requests a second (default 5; the built-in reference: unlimited).")]
        public string? Rate { get; init; }

        public double? RatePerSecond => Rate is null ? null : double.Parse(Rate, CultureInfo.InvariantCulture);

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
            if (Rate is not null && (!double.TryParse(Rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate) || rate is < 0.01 or > 1000))
                return ValidationResult.Error($"--rate must be a number of requests a second from 0.01 to 1000, not '{Rate}'.");
            if (MaxPages is not null && (!int.TryParse(MaxPages, NumberStyles.None, CultureInfo.InvariantCulture, out var pages) || pages < 1))
                return ValidationResult.Error($"--max-pages must be a whole number from 1, not '{MaxPages}'.");
            if (MaxBody is not null && (!int.TryParse(MaxBody, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes)
                                        || megabytes is < 1 or > (int)(ProbeSettings.MostBodyBytes / ProbeSettings.Megabyte)))
                return ValidationResult.Error($"--max-body must be a whole number of megabytes from 1 to {ProbeSettings.MostBodyBytes / ProbeSettings.Megabyte}, not '{MaxBody}'.");
            if (Header.FirstOrDefault(h => !ValidHeader(h)) is { } bad)
                return ValidationResult.Error($"--header expects 'Name: value' with a name of letters, digits and -_.!#$%&'*+^`|~, not '{bad}'.");
            return ValidationResult.Success();
        }
    }

    /// <summary>Requests a second against a vendor's API unless the user or the vendor profile says otherwise.</summary>
    public const double DefaultRate = 5;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var refMap = new RefMap();
        foreach (var mapping in settings.RefMap) refMap.Add(mapping);
        var fetch = new FetchPolicy(refMap);
        foreach (var host in settings.AllowRemoteRefs) fetch.AllowRemoteRefs(host);

        // A vendor profile supplies what the flags leave out; a flag always wins.
        var vendor = settings.Profile is null ? null : VendorProfileLoader.Load(settings.Profile);
        var standardId = settings.Standard ?? vendor?.Standard; // null: any OpenAPI document (--spec)
        if (standardId is null && settings.Spec is null)
            throw new ConfigurationException($"{settings.Profile}: the vendor profile names no standard; give --standard, or --spec for any OpenAPI document.");
        var headers = settings.Header.Select(ParseHeader).ToList();
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds ?? vendor?.Limits.TimeoutSeconds ?? 30);
        var maxBodyBytes = ProbeSettings.FromMegabytes(settings.MaxBodyMegabytes ?? vendor?.Limits.MaxBodyMb);
        var credentials = vendor is null ? ProbeCredentials.None : Credentials.Resolve(vendor.Auth, timeout: timeout);
        var useReference = settings.Reference || (settings.Url is null && vendor?.Reference == true);
        StandardSelector.Choice? choice = null;
        if (standardId == "auto")
        {
            if (useReference) throw new ConfigurationException("--standard auto needs --url: the reference implementations each serve a known standard.");
            choice = await ConformanceRun.ChooseStandardAsync(new Uri(settings.Url ?? vendor!.BaseUrl!),
                new ProbeSettings { Timeout = timeout, MaxBodyBytes = maxBodyBytes, Headers = headers, Credentials = credentials }, catalogue, cancellationToken);
            standardId = choice.StandardId;
            AnsiConsole.MarkupLineInterpolated($"Chose {standardId}: {choice.Reason}");
        }
        if (settings.AllowWrites && !useReference && vendor?.Environment != "test")
            throw new ConfigurationException("--allow-writes needs a vendor profile whose environment is test (or --reference): writes are never sent to production.");
        var (profile, spec) = ConformanceRun.Prepare(standardId, settings.Spec, fetch, catalogue);
        if (vendor?.SeveralJurisdictions == true && (profile.Jurisdiction is not { } jurisdiction || !vendor.QueryParameters.ContainsKey(jurisdiction.Parameter)))
            throw new ConfigurationException(profile.Jurisdiction is null
                ? $"{settings.Profile}: {profile.Name} has no jurisdictions; leave several_jurisdictions out."
                : $"{settings.Profile}: several_jurisdictions needs a value for {profile.Jurisdiction.Parameter} under query_parameters.");
        foreach (var path in vendor?.Features.Keys.Where(p => !profile.Endpoints.Optional.Contains(p)) ?? [])
            throw new ConfigurationException($"{settings.Profile}: feature '{path}' is not an optional endpoint of {profile.Id} ({string.Join(", ", profile.Endpoints.Optional)}).");
        // Made before any request, so an unwritable folder is found before the run, not after it.
        var outDir = Directory.CreateDirectory(settings.Out ?? Path.Combine("reports", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"))).FullName;
        using var reference = useReference ? ReferenceImplementations.Start(catalogue, standardId!) : null;
        var request = new RunRequest
        {
            StandardId = standardId,
            Target = new Uri(reference?.Url ?? settings.Url ?? vendor!.BaseUrl!),
            SpecOverride = settings.Spec,
            SpecFetch = fetch,
            Probe = new ProbeSettings
            {
                Timeout = timeout,
                MaxBodyBytes = maxBodyBytes,
                Headers = headers,
                Credentials = credentials,
                // Polite by default: live services are never hammered; our own reference may go as fast as it can.
                RequestsPerSecond = settings.RatePerSecond ?? vendor?.Limits.RequestsPerSecond ?? (useReference ? null : DefaultRate),
            },
            Options = new RunOptions
            {
                MaxPages = settings.MaxPagesCount ?? vendor?.Limits.MaxPages ?? 3,
                PathValues = vendor?.PathParameters ?? new Dictionary<string, string>(),
                QueryValues = vendor?.QueryParameters ?? new Dictionary<string, string>(),
                SeveralJurisdictions = vendor?.SeveralJurisdictions ?? false,
                Features = vendor?.Features ?? new Dictionary<string, string>(),
                Negative = settings.Negative,
                AllowWrites = settings.AllowWrites,
                Seed = settings.Seed is null ? null : int.Parse(settings.Seed, CultureInfo.InvariantCulture),
                HarvestAll = settings.Harvest == "all",
                Deadline = settings.DeadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            },
        };
        if (vendor is not null)
            AnsiConsole.MarkupLineInterpolated($"Vendor profile: {vendor.Vendor}, {vendor.Product} ({settings.Profile})");

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = new StopSignals(cancel);
        AnsiConsole.MarkupLineInterpolated($"Testing [bold]{request.Target.GetLeftPart(UriPartial.Path)}[/] against [bold]{profile.Name} {profile.Version}[/]{(reference is null ? "" : " (built-in reference implementation)")}");
        AnsiConsole.MarkupLineInterpolated($"[grey]spec: {spec.Location} ({spec.Operations.Count} operations, {spec.Diagnostics.Count} diagnostics)[/]");

        // The signals stay handled until the reports are written: a stop never loses what was found.
        var result = await ConformanceRun.ExecuteAsync(request, profile, spec, new ConsoleProgress(() => request.Secrets), cancel.Token);
        if (choice is not null) result.Notes.Add($"--standard auto chose {choice.StandardId}: {choice.Reason}");
        if (stopping.Received is { } signal) result.Notes.Add($"Stopped by {signal}: what was found before it is reported.");

        var written = ReportWriter.WriteAll(result, outDir);
        ConsoleSummary.Print(result, written);
        return Verdict.ExitCode(result.Verdict);
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
