using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>A loaded specification: its JSON tree (errata applied), its operations and what was wrong with it.</summary>
public sealed class Spec
{
    public required Uri Location { get; init; }
    public required string OpenApiVersion { get; init; }
    public required string Digest { get; init; }
    public required JsonNode Root { get; init; }
    public required IReadOnlyList<SpecOperation> Operations { get; init; }
    public required IReadOnlyList<SpecDiagnostic> Diagnostics { get; init; }
    public required ResponseSchemas Schemas { get; init; }

    public SpecOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(o => o.Method == method && o.Path == path);
}
