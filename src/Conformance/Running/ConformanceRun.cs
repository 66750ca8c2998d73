using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// One conformance run from request to result: load the profile and the spec, check they agree, probe,
/// judge. Configuration problems throw <see cref="ProfileException"/> or <see cref="SpecLoadException"/>
/// before any request is sent.
/// </summary>
public static class ConformanceRun
{
    /// <summary>
    /// The profile and the spec a run would use: the standard's transcription unless a published spec is
    /// given; with no standard, any OpenAPI document judged by <see cref="GenericProfile"/>.
    /// </summary>
    public static (Profile Profile, Spec Spec) Prepare(string? standardId, string? specOverride, FetchPolicy fetch, StandardCatalogue catalogue)
    {
        var loader = new SpecLoader(new SpecSource(fetch));
        if (standardId is null)
        {
            var document = loader.Load(specOverride ?? throw new ConfigurationException("Give --standard, or --spec for any OpenAPI document."), []);
            return (GenericProfile.For(document), document);
        }
        var profile = catalogue.Load(standardId);
        var spec = specOverride is null
            ? loader.Load(profile.TranscriptionPath, profile.Errata, incorporatedErrata: profile.Errata.Select(e => e.Id).ToList())
            : loader.Load(specOverride, profile.Errata);
        ProfileLoader.ValidateAgainst(profile, spec);
        try
        {
            ProfileLoader.ValidateFilters(profile, spec);
        }
        catch (ProfileException e) when (specOverride is not null)
        {
            // Another copy of the spec may lack a filter our transcription has: worth knowing, not worth refusing.
            spec.AddDiagnostic(new SpecDiagnostic(SpecDiagnostic.Parse, "", e.Message));
        }
        return (profile, spec);
    }

    /// <summary>
    /// Settles what a request leaves open, before any judgement: "auto" is chosen from the target's / document (one
    /// request), the profile and spec are loaded, and the request is checked against the standard.
    /// </summary>
    public static async Task<PreparedRun> PrepareAsync(RunRequest request, StandardCatalogue catalogue, CancellationToken cancel = default)
    {
        var notes = new List<string>();
        if (request.StandardId == "auto")
        {
            var choice = await ChooseStandardAsync(request.Target, request.Probe, catalogue, cancel);
            notes.Add($"--standard auto chose {choice.StandardId}: {choice.Reason}");
            request = request with { StandardId = choice.StandardId };
        }
        var (profile, spec) = Prepare(request.StandardId, request.SpecOverride, request.SpecFetch, catalogue);
        request.Validate(profile);
        return new PreparedRun(request, profile, spec, notes);
    }

    /// <summary>The one entry point: prepare, probe, judge.</summary>
    public static async Task<RunResult> ExecuteAsync(RunRequest request, StandardCatalogue catalogue,
        IProgress<RunProgress>? progress = null, CancellationToken cancel = default) =>
        await ExecuteAsync(await PrepareAsync(request, catalogue, cancel), progress, cancel);

    public static async Task<RunResult> ExecuteAsync(PreparedRun prepared, IProgress<RunProgress>? progress = null, CancellationToken cancel = default)
    {
        var result = await ExecuteAsync(prepared.Request, prepared.Profile, prepared.Spec, progress, cancel);
        result.Notes.InsertRange(0, prepared.Notes);
        return result;
    }

    /// <summary>Probe and judge with a profile and spec already prepared (and already shown to the user).</summary>
    public static async Task<RunResult> ExecuteAsync(RunRequest request, Profile profile, Spec spec,
        IProgress<RunProgress>? progress = null, CancellationToken cancel = default)
    {
        request.Validate(profile);
        GivenValues.From(request.Options, []).Validate(spec);
        // Only a standard with a CORS rule gets an Origin header: elsewhere it could only cause refusals. The header
        // parameters the spec declares outside its security schemes are shown as given.
        var settings = request.Probe with { PlainHeaders = spec.PlainHeaderParameters.ToHashSet(StringComparer.OrdinalIgnoreCase) };
        using var probe = new Probe(profile.CorsAllowOrigin is null ? settings with { Origin = null } : settings);
        var result = await new Runner(probe, request.Options, request.SpecFetch).RunAsync(spec, profile, request.Target, progress, cancel);
        result.Supplier = request.Supplier;
        return result;
    }

    /// <summary>--standard auto: read the target's / document and choose among the installed standards.</summary>
    public static async Task<StandardSelector.Choice> ChooseStandardAsync(Uri target, ProbeSettings settings, StandardCatalogue catalogue,
        CancellationToken cancel = default)
    {
        using var probe = new Probe(settings);
        var root = await probe.GetAsync("GET /", "choose the standard", TargetUrls.Url(target, "/"), anonymous: false, cancel);
        var unreadable = !root.Answered ? root.TransportError : !root.IsSuccess ? $"it answered {root.Status}" : root.Json.Error;
        return StandardSelector.Choose(unreadable is null ? root.Json.Node : null, catalogue.Ids.Select(catalogue.Load).ToList(), unreadable);
    }

    /// <summary>The installed standards, whose clauses may cite any check of a server or of a client.</summary>
    public static StandardCatalogue DefaultCatalogue() => StandardCatalogue.Locate([.. CheckCatalogue.Ids, .. Clients.ClientCheckCatalogue.Ids]);
}
