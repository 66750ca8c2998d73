using System.Text.Json.Nodes;
using Conformance.Drift;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// A drift run: the standard's document (our transcription) against the supplier's, operation by operation, as a
/// <see cref="RunResult"/> every reporter writes. Its evidence is the fetch of the / document and of the supplier's
/// document, where they were fetched. A document given by the user that cannot be read is a configuration error
/// (<see cref="SpecLoadException"/>); one the API names that cannot be read leaves the run cut short (error, exit 3).
/// </summary>
public static class DriftRun
{
    public static async Task<RunResult> ExecuteAsync(DriftRequest request, StandardCatalogue catalogue, CancellationToken cancel = default)
    {
        if ((request.Document is null) == (request.Target is null))
            throw new ConfigurationException("Give the supplier's OpenAPI document (--spec FILE|URL) or the API that names it (--url BASE), not both.");
        var started = DateTimeOffset.UtcNow;
        var (profile, standard) = ConformanceRun.Prepare(request.StandardId, null, request.Fetch, catalogue);
        var loader = new SpecLoader(new SpecSource(request.Fetch));
        var evidence = new List<Exchange>();
        var notes = new List<string>();
        Spec? supplier = null;
        string? aborted = null;
        var requests = 0;
        if (request.Document is not null)
        {
            supplier = loader.Load(request.Document, profile.Errata);
            if (supplier.Fetched is { } fetched)
            {
                requests++;
                evidence.Add(DocumentExchange.Of(fetched, Checks.SpecDriftCheck.DriftOperation, "the supplier's OpenAPI document"));
            }
        }
        else
        {
            (supplier, aborted, requests) = await NamedAsync(request, profile, standard, loader, evidence, notes, cancel);
        }

        var results = new List<CheckResult>();
        if (supplier is not null)
        {
            notes.Add($"Compared {supplier.Location} (OpenAPI {supplier.OpenApiVersion}, SHA-256 {supplier.Digest[..12]}…) with {profile.Name} {profile.Version} ({standard.Location}).");
            var report = DriftComparer.Compare(ApiContract.Of(standard), ApiContract.Of(supplier), DriftScope.Of(profile));
            notes.AddRange(report.Notes);
            // The profile's errata apply to the supplier's copy as to any copy of the standard's document: say which did, in one line.
            if (ErrataSummary.Of(supplier.Diagnostics, "the supplier's document", naming: true) is { } errata)
                notes.Add($"Errata of {profile.Name} {profile.Version}: {errata}.");
            results.AddRange(DriftResults.Of(report, profile, evidence.LastOrDefault()));
        }
        var result = new RunResult
        {
            StandardId = profile.Id,
            StandardName = $"{profile.Name} {profile.Version}",
            Target = request.Target?.ToString() ?? supplier?.Location.ToString() ?? request.Document!,
            SpecLocation = standard.Location.ToString(),
            SpecDigest = standard.Digest,
            SpecVersion = standard.OpenApiVersion,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Results = results,
            Diagnostics = standard.Diagnostics,
            ManualClauses = [],
            Clauses = DriftClauses.All,
            RequestsSent = requests,
            Exchanges = evidence,
            Secrets = request.Target is null ? [] : TargetUrls.QueryValues(request.Target).ToList(),
            Aborted = aborted,
        };
        result.Notes.AddRange(notes);
        return result;
    }

    /// <summary>The document the API's / document names: read it, or say why the run could not go on.</summary>
    private static async Task<(Spec?, string?, int)> NamedAsync(DriftRequest request, Profile profile, Spec standard, SpecLoader loader,
        List<Exchange> evidence, List<string> notes, CancellationToken cancel)
    {
        var target = request.Target!;
        Exchange root;
        using (var probe = new Probe(request.Probe))
        {
            try
            {
                root = await probe.GetAsync("GET /", "the / document, which names the OpenAPI document", TargetUrls.Url(target, "/"), anonymous: true, cancel);
            }
            catch (OperationCanceledException)
            {
                return (null, "the run was cancelled.", probe.RequestsSent);
            }
        }
        evidence.Add(root);
        var named = NamedDocument(root, target, out var why);
        if (named is null) return (null, why, 1);
        if (profile.Spec.IsPublishedAt(named))
        {
            notes.Add($"The / document names the standard's own published document ({named}), which says what the standard says by definition: our transcription of it is compared with itself.");
            return (standard, null, 1);
        }
        notes.Add($"The / document names its OpenAPI document: {named}.");
        try
        {
            var spec = loader.LoadNamed(named, target, profile.Errata);
            if (spec.Fetched is { } fetched) evidence.Add(DocumentExchange.Of(fetched, Checks.SpecDriftCheck.DriftOperation, "the OpenAPI document the / document names"));
            return (spec, null, 1 + (spec.Fetched is null ? 0 : 1));
        }
        catch (SpecLoadException e)
        {
            return (null, $"the OpenAPI document the / document names could not be read: {e.Message}", 2);
        }
    }

    /// <summary>The absolute URL a / document's openapi_url gives (relative to the / document), or null with the reason.</summary>
    public static Uri? NamedDocument(Exchange root, Uri target, out string? why)
    {
        why = !root.Answered ? $"{target} could not be reached ({root.TransportError})."
            : !root.IsSuccess ? $"GET / answered {root.Status}, so it names no OpenAPI document."
            : root.Json.Error is { } error ? $"the / document cannot be read ({error})."
            : root.Json.Node is not JsonObject document ? "the / document is not a JSON object."
            : document["openapi_url"] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text)
                ? "the / document names no OpenAPI document (it has no openapi_url)."
            : !Uri.TryCreate(new Uri(root.Url), text, out var named) || named.Scheme is not ("http" or "https")
                ? $"the / document's openapi_url is not an http(s) URL ('{text}')."
            : null;
        return why is null ? new Uri(new Uri(root.Url), root.Json.Node!["openapi_url"]!.GetValue<string>()) : null;
    }
}
