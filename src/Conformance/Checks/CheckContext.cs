using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// What a check may read besides the exchanges: the spec, the standard's profile, and the run's secrets, which a
/// check masks in any value it shortens (a secret cut in two could no longer be recognised and masked later).
/// </summary>
public sealed record CheckContext(Spec Spec, Profile Profile, IReadOnlyCollection<string>? Secrets = null)
{
    public string Masked(string text) => Secrets is { Count: > 0 } secrets ? Http.Redaction.Mask(text, secrets) : text;

    /// <summary>Every operation the run read, so a check may use another's evidence (the / document names the API's OpenAPI document).</summary>
    public IReadOnlyList<OperationRun> Runs { get; init; } = [];

    /// <summary>The base URL under test: a document the API names is fetched under rules relative to it.</summary>
    public Uri? Target { get; init; }

    /// <summary>The supplier's own OpenAPI document as a vendor profile names it (a path or URL), if it does.</summary>
    public string? SupplierDocument { get; init; }

    /// <summary>Where documents and their `$ref`s may be read from (--ref-map, --allow-remote-refs).</summary>
    public FetchPolicy DocumentFetch { get; init; } = new();
}
