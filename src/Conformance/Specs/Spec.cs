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

    /// <summary>Diagnostics found after loading (e.g. while checking a profile against this spec).</summary>
    public void AddDiagnostic(SpecDiagnostic diagnostic)
    {
        if (Diagnostics is List<SpecDiagnostic> list)
            lock (list) list.Add(diagnostic);
    }

    public SpecOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(o => o.Method == method && o.Path == path);
}
