using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;
using Conformance.Vendors;

namespace Conformance.Running;

/// <summary>
/// Everything one run is asked to do, however it was asked (CLI flags, a test fixture, another tool), with every
/// policy already applied: built by <see cref="From"/>, checked against the standard by <see cref="Validate"/>.
/// </summary>
public sealed record RunRequest
{
    /// <summary>Requests a second against a vendor's API unless the user or the vendor profile says otherwise.</summary>
    public const double DefaultRate = 5;
    public const double DefaultTimeoutSeconds = 30;
    public const int DefaultMaxPages = 3;

    /// <summary>The standard, "auto", or null to judge <see cref="SpecOverride"/> as any OpenAPI document.</summary>
    public string? StandardId { get; init; }
    public required Uri Target { get; init; }
    /// <summary>Where the target runs: writes go only to a test environment (the built-in reference is one).</summary>
    public TargetEnvironment Environment { get; init; } = TargetEnvironment.Production;
    /// <summary>A published spec to use instead of our transcription (path or URL); errata are applied to it.</summary>
    public string? SpecOverride { get; init; }
    /// <summary>Where the spec's remote `$ref`s may be read from (--ref-map, --allow-remote-refs) and how large a document may be.</summary>
    public FetchPolicy SpecFetch { get; init; } = new();
    public ProbeSettings Probe { get; init; } = new();
    public RunOptions Options { get; init; } = new();

    /// <summary>Every value that must never be shown, as known now (OAuth2 tokens join as they are issued).</summary>
    public IReadOnlyCollection<string> Secrets =>
        Probe.Secrets.Concat(TargetUrls.QueryValues(Target)).Distinct().ToList();

    /// <summary>The standard a run is for: the front end's, else the vendor profile's; null for any OpenAPI document.</summary>
    public static string? StandardOf(VendorProfile? vendor, RunOverrides overrides) => overrides.Standard ?? vendor?.Standard;

    /// <summary>Whether the built-in reference implementation is the target (asked for, or a vendor profile's with no URL given).</summary>
    public static bool WantsReference(VendorProfile? vendor, RunOverrides overrides) =>
        overrides.Reference || (overrides.Url is null && vendor?.Reference == true);

    /// <summary>
    /// The run a front end asks for: its overrides, else the vendor profile, else the defaults. Credentials come from
    /// environment variables the vendor profile names. <paramref name="referenceUrl"/> is where the front end started
    /// the reference implementation, when <see cref="WantsReference"/>, and <paramref name="referenceAuth"/> how the reference
    /// is reached when the vendor profile gives no credentials (its own demo client, for a reference that wants one).
    /// </summary>
    public static RunRequest From(VendorProfile? vendor, RunOverrides overrides, Uri? referenceUrl = null, Func<string, string?>? environment = null,
        Auth? referenceAuth = null)
    {
        var standard = StandardOf(vendor, overrides);
        if (standard is null && overrides.Spec is null)
            throw new ConfigurationException("Give a standard (--standard, or a vendor profile that names one), or --spec for any OpenAPI document.");
        var reference = WantsReference(vendor, overrides);
        if (reference && standard == "auto")
            throw new ConfigurationException("--standard auto needs --url: the reference implementations each serve a known standard.");
        if (reference && referenceUrl is null)
            throw new ConfigurationException("The reference implementation must be started first; its address is the target.");
        var target = referenceUrl ?? ((overrides.Url ?? vendor?.BaseUrl) is { } url ? new Uri(url)
            : throw new ConfigurationException("Give the API's base URL (--url, or base_url in a vendor profile), or test the reference implementation."));
        var place = reference ? TargetEnvironment.Test : vendor?.Environment ?? TargetEnvironment.Production;
        if (overrides.AllowWrites && place != TargetEnvironment.Test) throw WritesRefused();

        var refMap = new RefMap();
        foreach (var mapping in overrides.RefMap) refMap.Add(mapping);
        var fetch = new FetchPolicy(refMap);
        foreach (var host in overrides.AllowRemoteRefs) fetch.AllowRemoteRefs(host);
        var timeout = TimeSpan.FromSeconds(overrides.TimeoutSeconds ?? vendor?.Limits.TimeoutSeconds ?? DefaultTimeoutSeconds);
        return new RunRequest
        {
            StandardId = standard,
            Target = target,
            Environment = place,
            SpecOverride = overrides.Spec,
            SpecFetch = fetch,
            Probe = new ProbeSettings
            {
                Timeout = timeout,
                MaxBodyBytes = ProbeSettings.FromMegabytes(overrides.MaxBodyMb ?? vendor?.Limits.MaxBodyMb),
                Headers = overrides.Headers,
                Credentials = (vendor?.Auth is { Type: not AuthType.None } auth ? auth : reference ? referenceAuth : null) is { } chosen
                    ? Credentials.Resolve(chosen, environment, timeout, target) : ProbeCredentials.None,
                // Polite by default: live services are never hammered; our own reference may go as fast as it can.
                RequestsPerSecond = (overrides.RequestsPerSecond ?? vendor?.Limits.RequestsPerSecond ?? (reference ? null : DefaultRate)) is { } rate
                    && double.IsFinite(rate) ? rate : null,
            },
            Options = new RunOptions
            {
                MaxPages = overrides.MaxPages ?? vendor?.Limits.MaxPages ?? DefaultMaxPages,
                PathValues = vendor?.PathParameters ?? new Dictionary<string, string>(),
                QueryValues = vendor?.QueryParameters ?? new Dictionary<string, string>(),
                HeaderValues = vendor?.HeaderParameters ?? new Dictionary<string, string>(),
                OperationValues = vendor?.OperationParameters ?? new Dictionary<string, Dictionary<string, string>>(),
                SupplierDocument = vendor?.OpenApiUrl,
                Features = vendor?.Features ?? new Dictionary<string, FeatureState>(),
                OptIns = overrides.OptIns.Concat(vendor?.SeveralJurisdictions == true ? [OptIn.SeveralJurisdictions] : []).ToHashSet(),
                AllowWrites = overrides.AllowWrites,
                Seed = overrides.Seed,
                HarvestAll = overrides.HarvestAll,
                HarvestPages = overrides.HarvestPages ?? RunOptions.DefaultHarvestPages,
                Deadline = (overrides.DeadlineSeconds ?? vendor?.Limits.DeadlineSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            },
        };
    }

    /// <summary>
    /// What can only be checked against the standard: writes only to a test environment (whoever built the request),
    /// several jurisdictions only where the standard has them and a value is given, features only for its optional
    /// endpoints, opt-in requests only by a name some check declares.
    /// </summary>
    public void Validate(Profile profile)
    {
        if (Options.AllowWrites && Environment != TargetEnvironment.Test) throw WritesRefused();
        var declared = Options.Checks.Select(c => c.OptIn?.Name).OfType<string>().Distinct().Order().ToList();
        foreach (var name in Options.OptIns.Where(n => !declared.Contains(n)))
            throw new ConfigurationException($"No check sends requests on asking for '{name}' (--probe takes: {string.Join(", ", declared)}).");
        if (Options.OptIns.Contains(OptIn.SeveralJurisdictions) && (profile.Jurisdiction is not { } jurisdiction || !Options.QueryValues.ContainsKey(jurisdiction.Parameter)))
            throw new ConfigurationException(profile.Jurisdiction is null
                ? $"{profile.Name} has no jurisdictions: leave several_jurisdictions out."
                : $"several_jurisdictions needs a value for {profile.Jurisdiction.Parameter} under query_parameters.");
        foreach (var path in Options.Features.Keys.Where(p => !profile.Endpoints.Optional.Contains(p)))
            throw new ConfigurationException($"Feature '{path}' is not an optional endpoint of {profile.Id} ({string.Join(", ", profile.Endpoints.Optional)}).");
    }

    private static ConfigurationException WritesRefused() =>
        new("Writes (--allow-writes) go only to a test environment: a vendor profile whose environment is test, or the reference implementation. They are never sent to production.");
}
