namespace Conformance.Vendors;

/// <summary>
/// What a vendor (or a council testing one) tells the harness about an API: where it is, which standard it
/// claims, how to authenticate, which optional features it implements, and how hard it may be pushed.
/// Loaded from vendor-profiles/*.yaml by <see cref="VendorProfileLoader"/>; secrets are never inline.
/// </summary>
public sealed class VendorProfile
{
    public required string Vendor { get; init; }
    public required string Product { get; init; }
    /// <summary>The standard the API claims, e.g. oruk-3.0, or auto; absent for any OpenAPI document (--spec).</summary>
    public string? Standard { get; init; }
    /// <summary>Base URL of the API; absent when <see cref="Reference"/> asks for the built-in implementation.</summary>
    public string? BaseUrl { get; init; }
    public bool Reference { get; init; }
    /// <summary>Only a test environment may ever receive writes.</summary>
    public TargetEnvironment Environment { get; init; } = TargetEnvironment.Production;
    public Auth Auth { get; init; } = new();
    /// <summary>Optional endpoints by path: implemented, not-implemented or unknown.</summary>
    public IReadOnlyDictionary<string, FeatureState> Features { get; init; } = new Dictionary<string, FeatureState>();
    /// <summary>Values for path parameters by name, for operations whose ids cannot be harvested.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = new Dictionary<string, string>();
    /// <summary>Query parameters sent with every request, e.g. Open311's jurisdiction_id.</summary>
    public IReadOnlyDictionary<string, string> QueryParameters { get; init; } = new Dictionary<string, string>();
    /// <summary>Values for header parameters the spec declares (x-v, x-correlation-id), by name, for every operation that declares them.</summary>
    public IReadOnlyDictionary<string, string> HeaderParameters { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// Values for one operation's parameters ("GET /trips": {end_time: "2024-01-01T10"}), by name; the spec says whether each
    /// goes in the path, the query or a header. They win over path_parameters, query_parameters and header_parameters.
    /// </summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> OperationParameters { get; init; } = new Dictionary<string, Dictionary<string, string>>();
    /// <summary>The endpoint serves several jurisdictions (Open311): a missing or unknown jurisdiction must be refused.</summary>
    public bool SeveralJurisdictions { get; init; }
    /// <summary>
    /// The supplier's own OpenAPI document, an http(s) URL or a file (a relative path is read from the profile's
    /// folder): check spec-drift compares it with the standard's. Where the profile leaves it out, an ORUK / document's
    /// openapi_url names it.
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("openapi_url"), System.Text.Json.Serialization.JsonInclude]
    public string? OpenApiUrl { get; internal set; }
    public VendorLimits Limits { get; init; } = new();

    /// <summary>The file it was read from, so a problem found later (a limit out of range) names it; not a key of the file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Source { get; internal set; }
}

/// <summary>How to authenticate. Secrets are named environment variables, never values.</summary>
public sealed class Auth
{
    /// <summary>none, api-key, bearer, basic or oauth2 (client credentials).</summary>
    public AuthType Type { get; init; } = AuthType.None;
    /// <summary>For api-key: the header that carries it (or use <see cref="Query"/>).</summary>
    public string? Header { get; init; }
    /// <summary>For api-key: the query parameter that carries it.</summary>
    public string? Query { get; init; }
    /// <summary>For api-key and bearer: the environment variable that holds the secret.</summary>
    public string? SecretEnv { get; init; }
    /// <summary>For basic: the environment variables that hold the user name and password.</summary>
    public string? UsernameEnv { get; init; }
    public string? PasswordEnv { get; init; }
    /// <summary>For oauth2: the token endpoint, the variables holding the client id and secret, and the scope if any.</summary>
    public string? TokenUrl { get; init; }
    public string? ClientIdEnv { get; init; }
    public string? ClientSecretEnv { get; init; }
    public string? Scope { get; init; }
}

public sealed class VendorLimits
{
    public double? RequestsPerSecond { get; init; }
    public int? Concurrency { get; init; }
    public double? TimeoutSeconds { get; init; }
    public int? MaxPages { get; init; }
    /// <summary>The most of a response body read, in megabytes decompressed (--max-body).</summary>
    public int? MaxBodyMb { get; init; }
    /// <summary>The longest a whole run of this target may take (--deadline; `monitor` gives each target its own).</summary>
    public double? DeadlineSeconds { get; init; }
}
