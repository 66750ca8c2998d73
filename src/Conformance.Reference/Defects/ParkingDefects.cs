using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>
/// Defects of NPP platforms, each caught by the check its line names, and traps: conforming platforms that differ
/// from the reference where a check could wrongly fail them (an Earth model, inclusive windows, a client that may
/// only read).
/// </summary>
public static class ParkingDefects
{
    private const string Npp = "npp-1.0";

    /// <summary>The reference's demo clients (standards/npp-1.0/reference/clients.json): published, protecting nothing.</summary>
    private static readonly (string Id, string Secret) Administrator = ("harbourside-council-admin", "demo-only-not-a-secret-admin");
    private static readonly (string Id, string Secret) Enforcement = ("civic-enforcement", "demo-only-not-a-secret-ep");

    /// <summary>A run that may write (the reference is a test environment).</summary>
    private static RunRequest AllowWrites(RunRequest request) => request with { Options = request.Options with { AllowWrites = true } };

    public static IEnumerable<Defect> All() =>
    [
        new()
        {
            Name = "npp-right-specification-without-issuer", Standard = Npp, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Right specifications leave out their issuer, which the NPP requires.",
            Apply = Tamper.Records(p => p.StartsWith("/rights/specs", StringComparison.Ordinal), r => r.Remove("issuer")),
        },
        new()
        {
            Name = "npp-credential-filter-ignored", Standard = Npp, Check = FiltersFilterCheck.CheckId,
            Breaks = "credential_id is ignored: asked for one number plate, rights and sessions come back for every vehicle.",
            Apply = Tamper.Ignoring("credential_id"),
        },
        new()
        {
            Name = "npp-place-without-hierarchy-record", Standard = Npp, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Places leave out hierarchyElementRecord (when and by whom they were created), which the NPP requires.",
            Apply = Tamper.Records(p => p.StartsWith("/places", StringComparison.Ordinal), r => r.Remove("hierarchyElementRecord")),
        },
        new()
        {
            Name = "trap-npp-names-in-two-languages", Standard = Npp,
            Breaks = "Every place's name is given in English and in Welsh (cy), with accents: a multilingual string may hold several languages.",
            Apply = Tamper.Records(p => p.StartsWith("/places", StringComparison.Ordinal), r =>
            {
                if (r["name"] is JsonArray names && names.Count == 1)
                    names.Add(new JsonObject { ["language"] = "cy", ["string"] = $"Maes parcio – {names[0]?["string"]} – Ŵŷ" });
            }),
        },
        new()
        {
            Name = "npp-place-filter-ignored-on-rates", Standard = Npp, Check = FiltersFilterCheck.CheckId,
            Breaks = "place is ignored on rate tables: asked for the tariffs of one car park, every tariff comes back.",
            Apply = inner => (method, path, query) => inner(method, path, path == "/rates" ? query.Where(q => q.Key != "place").ToDictionary() : query),
        },
        // ----- oauth2-scopes
        new()
        {
            Name = "npp-reads-served-without-a-token", Standard = Npp, Check = OAuth2ScopesCheck.CheckId,
            Breaks = "A read without a token is served, as if the council's administrator had asked.",
            Around = gated => request => request.Method == "GET" && request.Header("Authorization") is null
                ? gated(As(Administrator, gated, request)) : gated(request),
        },
        new()
        {
            Name = "npp-scopes-not-checked", Standard = Npp, Check = OAuth2ScopesCheck.CheckId,
            Breaks = "Any token the platform issued may write: an enforcement provider's token updates a car park (writes allowed on a test environment).",
            Prepare = AllowWrites,
            Around = gated => request => request.Method is "PUT" or "POST" or "DELETE" && request.Path != Parking.OAuth2Server.TokenPath
                && request.Header("Authorization")?.StartsWith("Bearer ", StringComparison.Ordinal) == true
                ? gated(As(Administrator, gated, request)) : gated(request),
        },
        new()
        {
            Name = "trap-npp-read-only-client", Standard = Npp,
            Breaks = "The run's client is the enforcement provider's (scope ep), with writes allowed: it may read everything and write nothing, so the updates are refused with 403.",
            Prepare = request => AllowWrites(request) with
            {
                Probe = request.Probe with
                {
                    Credentials = new Http.ProbeCredentials([], null, new Http.OAuth2ClientCredentials(new Uri(request.Target, Parking.OAuth2Server.TokenPath),
                        Enforcement.Id, Enforcement.Secret, null, TimeSpan.FromSeconds(10))),
                },
            },
        },
        // ----- geographic-filter
        new()
        {
            Name = "npp-radius-in-kilometres", Standard = Npp, Check = GeographicFilterCheck.CheckId,
            Breaks = "radius is read as kilometres, not metres: a search circle holds the whole borough.",
            Apply = inner => (method, path, query) => inner(method, path, query.ToDictionary(q => q.Key,
                q => q.Key == "radius" && long.TryParse(q.Value, out var metres) ? (metres * 1000).ToString(CultureInfo.InvariantCulture) : q.Value)),
        },
        new()
        {
            Name = "npp-latitude-longitude-swapped", Standard = Npp, Check = GeographicFilterCheck.CheckId,
            Breaks = "latitude and longitude are read the wrong way round: the circle is drawn off the coast of Africa.",
            Apply = inner => (method, path, query) => inner(method, path, query.ToDictionary(q => q.Key,
                q => q.Key == "latitude" ? query.GetValueOrDefault("longitude", q.Value) : q.Key == "longitude" ? query.GetValueOrDefault("latitude", q.Value) : q.Value)),
        },
        new()
        {
            Name = "trap-npp-geography-on-the-ellipsoid", Standard = Npp,
            Breaks = "Distances are measured 0.5% longer than on the mean sphere, as on the WGS84 ellipsoid: within the margin a circle's edge is left.",
            Apply = inner => (method, path, query) => inner(method, path, query.ToDictionary(q => q.Key,
                q => q.Key == "radius" && long.TryParse(q.Value, out var metres) ? Math.Round(metres / 1.005).ToString(CultureInfo.InvariantCulture) : q.Value)),
        },
        // ----- time-windows and modified-since
        new()
        {
            Name = "npp-start-after-ignored", Standard = Npp, Check = TimeWindowsCheck.CheckId,
            Breaks = "start_after is ignored: sessions and permits that started long before come back.",
            Apply = Tamper.Ignoring("start_after"),
        },
        new()
        {
            Name = "trap-npp-time-windows-inclusive", Standard = Npp,
            Breaks = "The time windows include their instant (after means at or after): no record starts or ends at the instant asked.",
            Apply = inner => (method, path, query) => inner(method, path, query.ToDictionary(q => q.Key,
                q => long.TryParse(q.Value, out var at) && q.Key is "start_after" or "end_after" or "start_before" or "end_before"
                    ? (q.Key.EndsWith("after", StringComparison.Ordinal) ? at - 1 : at + 1).ToString(CultureInfo.InvariantCulture) : q.Value)),
        },
        new()
        {
            Name = "npp-modified-since-ignored", Standard = Npp, Check = ChangesSinceCheck.CheckId,
            Breaks = "modified_since is ignored: asked what changed since tomorrow, every record comes back.",
            Apply = Tamper.Ignoring("modified_since"),
        },
        // ----- references-resolve and versions
        new()
        {
            Name = "npp-older-versions-not-kept", Standard = Npp, Check = ReferencesResolveCheck.CheckId,
            Breaks = "?version= is ignored: a permit issued under the pay-and-stay tariff's first version finds only its second.",
            Apply = Tamper.Ignoring("version"),
        },
        new()
        {
            Name = "npp-stale-update-accepted", Standard = Npp, Check = VersionsCheck.CheckId,
            Breaks = "An update naming an older version is answered 200 as if it were made (writes allowed on a test environment).",
            Prepare = AllowWrites,
            Apply = inner => (method, path, query) => inner(method, path, query) is var answer && answer.Status == 409 && method == "PUT"
                ? answer with { Status = 200, Body = new JsonObject { ["status"] = "ok", ["code"] = 200, ["message"] = "Updated." } }
                : answer,
        },
        // ----- page-meta
        new()
        {
            Name = "npp-page-offset-frozen", Standard = Npp, Check = PageMetaCheck.CheckId,
            Breaks = "Every page's meta gives offset 0, the second page's too.",
            Apply = Tamper.Answers(ListPath, answer =>
            {
                if (answer.Body?["meta"] is not JsonObject) return answer;
                var body = answer.Body.DeepClone();
                body["meta"]!["offset"] = 0;
                return answer with { Body = body };
            }),
        },
        new()
        {
            Name = "trap-npp-past-the-last-page-refused", Standard = Npp,
            Breaks = "A page past the last is answered 404 rather than empty: either way it holds no record.",
            Apply = Tamper.Answers((path, query) => ListPath(path) && query.ContainsKey("page"), answer =>
                answer.Body?["data"] is JsonArray { Count: 0 } && answer.Body["meta"]?["total"]?.ToJsonString() is { } total && total != "0"
                    ? new ReferenceResponse(404, new JsonObject { ["status"] = "error", ["code"] = 404, ["message"] = "No such page." })
                    : answer),
        },
        // ----- expand and validity-periods
        new()
        {
            Name = "npp-expand-ignored", Standard = Npp, Check = ExpandCheck.CheckId,
            Breaks = "expand is ignored: every record comes with every part, whatever is asked.",
            Apply = Tamper.Ignoring("expand"),
        },
        new()
        {
            Name = "npp-validity-ends-before-it-starts", Standard = Npp, Check = ValidityPeriodsCheck.CheckId,
            Breaks = "A right specification's validity ends the day before it starts.",
            Apply = Tamper.Records(p => p.StartsWith("/rights/specs", StringComparison.Ordinal), r =>
            {
                if (r["validity"]?["validityTimeSpecification"] is JsonObject period && period["overallStartTime"] is JsonValue start
                    && DateTimeOffset.TryParse(start.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    period["overallEndTime"] = at.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }),
        },
    ];

    private static bool ListPath(string path) => path is "/places" or "/rights/specs" or "/rates" or "/rights/assigned" or "/sessions";

    /// <summary>The request as one of the reference's demo clients would send it: with a token the gate issued to that client.</summary>
    private static ReferenceRequest As((string Id, string Secret) client, RequestHandler gated, ReferenceRequest request)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Id}:{client.Secret}"));
        var issued = gated(new ReferenceRequest("POST", Parking.OAuth2Server.TokenPath, new Dictionary<string, string>(),
            new Dictionary<string, string> { ["Authorization"] = $"Basic {basic}", ["Content-Type"] = "application/x-www-form-urlencoded" },
            "grant_type=client_credentials"));
        var token = issued.Body?["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException($"The demo client {client.Id} got no token: {issued.Render()}");
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["Authorization"] = $"Bearer {token}" };
        return request with { Headers = headers };
    }
}
