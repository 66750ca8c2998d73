namespace Conformance.Standards;

/// <summary>The discovery document at the API's root: which fields it must carry and which must be URIs.</summary>
public sealed class Discovery
{
    public string Path { get; init; } = "/";
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> UriFields { get; init; } = [];
}
