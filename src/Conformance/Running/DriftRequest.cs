using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Running;

/// <summary>
/// What `conformance drift` is asked: the standard, and the supplier's OpenAPI document, given (a path or URL: the
/// user's choice) or named by the API's / document (`openapi_url`: the server's choice, fetched under stricter rules).
/// </summary>
public sealed record DriftRequest
{
    public required string StandardId { get; init; }
    /// <summary>The supplier's document, a path or URL; or null to read it from <see cref="Target"/>'s / document.</summary>
    public string? Document { get; init; }
    /// <summary>The API whose / document names its OpenAPI document, when <see cref="Document"/> is not given.</summary>
    public Uri? Target { get; init; }
    /// <summary>Where remote `$ref`s (of either document) may be read from (--ref-map, --allow-remote-refs).</summary>
    public FetchPolicy Fetch { get; init; } = new();
    /// <summary>How the / document is requested (timeout, body cap).</summary>
    public ProbeSettings Probe { get; init; } = new();
}
