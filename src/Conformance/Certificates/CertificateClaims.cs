using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Running;
using Conformance.Standards;
using Conformance.Vendors;

namespace Conformance.Certificates;

/// <summary>
/// What a certificate says: which rules (standard, profile and spec, each by digest, and the harness version), which
/// API (target, vendor, product), what was found (verdict, counts, what was not covered) and for how long it is offered
/// as true. It is the predicate of an in-toto statement whose subject is report.json.
/// </summary>
public sealed record CertificateClaims
{
    /// <summary>Ours; not resolvable (.invalid is reserved for that), so it can never name someone else's page.</summary>
    public const string PredicateType = "https://conformance.invalid/certificate/v1";
    public const string ReportName = "report.json";

    public required string StandardId { get; init; }
    public required string StandardName { get; init; }
    public required string StandardVersion { get; init; }
    /// <summary>SHA-256 of the standard's profile.yaml; null for the built-in profile of any OpenAPI document.</summary>
    public string? ProfileDigest { get; init; }
    /// <summary>
    /// "transcription" (the harness's own transcription of the standard's document, which the standard's id, version and
    /// the digest name) or "published" (a document given with --spec).
    /// </summary>
    public required string SpecSource { get; init; }
    /// <summary>Where a published document given by URL came from; null for a file, whose path on one machine names nothing.</summary>
    public string? SpecUrl { get; init; }
    public required string SpecDigest { get; init; }
    public required string HarnessVersion { get; init; }
    public required string Target { get; init; }
    /// <summary>Vendor and product from the vendor profile; null when the run had none.</summary>
    public string? Vendor { get; init; }
    public string? Product { get; init; }
    /// <summary>The harness tested its own reference implementation: a demonstration, not a vendor's API.</summary>
    public required bool Demo { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset TestedFrom { get; init; }
    public required DateTimeOffset TestedUntil { get; init; }
    public required int RequestsSent { get; init; }
    public required string Verdict { get; init; }
    /// <summary>Results counted by outcome (pass, warning, fail, skipped, error, info).</summary>
    public required IReadOnlyDictionary<string, int> Summary { get; init; }
    /// <summary>Operations not covered and why: only optional ones, since a pass needs every required part covered.</summary>
    public required IReadOnlyList<string> NotCovered { get; init; }
    /// <summary>SHA-256 (hex) of report.json as written.</summary>
    public required string ReportDigest { get; init; }
    /// <summary>For a client judged by the stand-in: the role it played and the scenario (id and title); null for a server.</summary>
    public string? ClientRole { get; init; }
    public string? Scenario { get; init; }
    public string? ScenarioTitle { get; init; }

    /// <summary>The claims a run supports, with the digest of the report it wrote; secrets in the target are masked.</summary>
    public static CertificateClaims Of(RunResult result, Profile profile, VendorProfile? vendor, byte[] report, string harnessVersion,
        bool demo, DateTimeOffset issuedAt, int validDays)
    {
        var issued = Seconds(issuedAt);
        return new CertificateClaims
        {
            StandardId = profile.Id,
            StandardName = profile.Name,
            StandardVersion = profile.Version,
            ProfileDigest = profile.Digest,
            SpecSource = IsTranscription(result, profile) ? Transcription : Published,
            SpecUrl = Uri.TryCreate(result.SpecLocation, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? Redaction.Mask(result.SpecLocation, result.Secrets) : null,
            SpecDigest = result.SpecDigest,
            HarnessVersion = harnessVersion,
            Target = Redaction.Mask(result.Target, result.Secrets),
            Vendor = vendor?.Vendor,
            Product = vendor?.Product,
            Demo = demo,
            IssuedAt = issued,
            ExpiresAt = issued.AddDays(validDays),
            TestedFrom = Seconds(result.StartedAt),
            TestedUntil = Seconds(result.FinishedAt),
            RequestsSent = result.RequestsSent,
            Verdict = result.Verdict,
            Summary = Enum.GetValues<Outcome>().ToDictionary(o => o.ToString().ToLowerInvariant(), result.Count),
            NotCovered = result.Coverage.Where(c => c.Gap is not null).Select(c => Redaction.Mask($"{c.Operation}: {c.Gap}", result.Secrets)).ToList(),
            ReportDigest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(report)),
            ClientRole = result.Client?.Role,
            Scenario = result.Client?.Scenario,
            ScenarioTitle = result.Client?.ScenarioTitle,
        };
    }

    /// <summary>What a reader should not miss, in words: written into the certificate beside the fields that say it.</summary>
    public IEnumerable<string> Notes()
    {
        if (ClientRole is not null)
            yield return $"A client conformed: the software tested was a {ClientRole}, judged by the harness's stand-in server while it played the scenario {Scenario} ({ScenarioTitle}).";
        if (Demo) yield return "A demo: the harness tested its own built-in reference implementation, not a vendor's API.";
        if (Vendor is null) yield return "Run without a vendor profile: no vendor or product is named.";
        if (ProfileDigest is null) yield return "Judged by the harness's built-in profile for any OpenAPI document: no standard's profile.";
    }

    public JsonObject ToJson()
    {
        var json = Fields();
        // A server's certificate is as it was before clients were judged; a client's names its role and scenario.
        if (ClientRole is not null)
            json["client"] = new JsonObject { ["role"] = ClientRole, ["scenario"] = new JsonObject { ["id"] = Scenario, ["title"] = ScenarioTitle } };
        return json;
    }

    private JsonObject Fields() => new()
    {
        ["standard"] = new JsonObject { ["id"] = StandardId, ["name"] = StandardName, ["version"] = StandardVersion },
        ["profile"] = new JsonObject { ["sha256"] = ProfileDigest },
        // The spec by what it is (the standard's id and version, and its digest), never by where this machine keeps it.
        ["spec"] = SpecUrl is null
            ? new JsonObject { ["source"] = SpecSource, ["standard"] = StandardId, ["version"] = StandardVersion, ["sha256"] = SpecDigest }
            : new JsonObject { ["source"] = SpecSource, ["standard"] = StandardId, ["version"] = StandardVersion, ["url"] = SpecUrl, ["sha256"] = SpecDigest },
        ["harness"] = new JsonObject { ["name"] = "conformance", ["version"] = HarnessVersion },
        ["target"] = Target,
        ["vendor"] = Vendor is null ? null : new JsonObject { ["name"] = Vendor, ["product"] = Product },
        ["demo"] = Demo,
        ["issuedAt"] = Time(IssuedAt),
        ["expiresAt"] = Time(ExpiresAt),
        ["run"] = new JsonObject { ["startedAt"] = Time(TestedFrom), ["finishedAt"] = Time(TestedUntil), ["requestsSent"] = RequestsSent },
        ["verdict"] = Verdict,
        ["summary"] = new JsonObject(Summary.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        ["notCovered"] = new JsonArray(NotCovered.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        ["report"] = new JsonObject { ["name"] = ReportName, ["sha256"] = ReportDigest },
        ["notes"] = new JsonArray(Notes().Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
    };

    /// <summary>Reads a predicate written by <see cref="ToJson"/>; a missing or mistyped field is a <see cref="FormatException"/>.</summary>
    public static CertificateClaims FromJson(JsonObject predicate)
    {
        var vendor = predicate["vendor"] as JsonObject;
        return new CertificateClaims
        {
            StandardId = Text(predicate, "standard", "id"),
            StandardName = Text(predicate, "standard", "name"),
            StandardVersion = Text(predicate, "standard", "version"),
            ProfileDigest = Optional(predicate, "profile", "sha256"),
            SpecSource = Text(predicate, "spec", "source"),
            SpecUrl = Optional(predicate, "spec", "url"),
            SpecDigest = Text(predicate, "spec", "sha256"),
            HarnessVersion = Text(predicate, "harness", "version"),
            Target = Text(predicate, "target"),
            Vendor = vendor is null ? null : Text(predicate, "vendor", "name"),
            Product = vendor is null ? null : Text(predicate, "vendor", "product"),
            Demo = Value<bool>(predicate, "demo"),
            IssuedAt = TimeOf(predicate, "issuedAt"),
            ExpiresAt = TimeOf(predicate, "expiresAt"),
            TestedFrom = TimeOf(predicate, "run", "startedAt"),
            TestedUntil = TimeOf(predicate, "run", "finishedAt"),
            RequestsSent = Value<int>(predicate, "run", "requestsSent"),
            Verdict = Text(predicate, "verdict"),
            Summary = (predicate["summary"] as JsonObject ?? throw Missing("summary"))
                .ToDictionary(s => s.Key, s => Value<int>(predicate, "summary", s.Key)),
            NotCovered = (predicate["notCovered"] as JsonArray ?? throw Missing("notCovered"))
                .Select(n => n is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw Missing("notCovered")).ToList(),
            ReportDigest = Text(predicate, "report", "sha256"),
            ClientRole = predicate["client"] is JsonObject ? Text(predicate, "client", "role") : null,
            Scenario = predicate["client"] is JsonObject ? Text(predicate, "client", "scenario", "id") : null,
            ScenarioTitle = predicate["client"] is JsonObject ? Text(predicate, "client", "scenario", "title") : null,
        };
    }

    public const string Transcription = "transcription";
    public const string Published = "published";

    /// <summary>Whether the run read the standard's own transcription (installed with the harness), not a document given with --spec.</summary>
    private static bool IsTranscription(RunResult result, Profile profile)
    {
        if (profile.Spec.Transcription is not { Length: > 0 }) return false;
        try
        {
            return Uri.TryCreate(result.SpecLocation, UriKind.Absolute, out var read) && read.IsFile
                && Path.GetFullPath(read.LocalPath) == Path.GetFullPath(profile.TranscriptionPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset TimeOf(JsonObject node, params string[] path) =>
        DateTimeOffset.TryParseExact(Text(node, path), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time : throw new FormatException($"the certificate's {string.Join('.', path)} is not a time like 2030-01-31T12:00:00Z");

    private static JsonNode? At(JsonObject node, string[] path) => path.Aggregate((JsonNode?)node, (n, key) => n is JsonObject o ? o[key] : null);

    private static string Text(JsonObject node, params string[] path) => Value<string>(node, path);

    private static string? Optional(JsonObject node, params string[] path) => At(node, path) is null ? null : Text(node, path);

    private static T Value<T>(JsonObject node, params string[] path) =>
        At(node, path) is JsonValue value && value.TryGetValue<T>(out var v) ? v : throw Missing(string.Join('.', path));

    private static FormatException Missing(string field) => new($"the certificate's {field} is missing or of the wrong type");
}
