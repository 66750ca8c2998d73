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
    /// <summary>
    /// What is wrong with the document, as told (<see cref="SpecDiagnostics.Tidy"/>: true, one place each, once with a
    /// count); found while loading, and while building schemas as the run goes.
    /// </summary>
    public required IReadOnlyList<SpecDiagnostic> Diagnostics
    {
        get
        {
            List<SpecDiagnostic> found;
            lock (_diagnostics) found = _diagnostics.ToList();
            return SpecDiagnostics.Tidy(found, OpenApiVersion, Root);
        }
        init => _diagnostics = value as List<SpecDiagnostic> ?? value.ToList();
    }

    private readonly List<SpecDiagnostic> _diagnostics = [];
    public required ResponseSchemas Schemas { get; init; }

    /// <summary>
    /// Where the document's security schemes take a credential: the place (query, header, cookie) and name of each
    /// apiKey scheme. A value given for such a parameter is a secret, whatever the parameter is called.
    /// </summary>
    public IReadOnlyList<(string In, string Name)> CredentialParameters { get; init; } = [];

    /// <summary>Whether a header of this name carries a credential as the document declares it (an apiKey scheme, or Authorization).</summary>
    public bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || CredentialParameters.Any(c => c.In == "header" && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Header parameters the document declares outside its security schemes: what is given for them is shown as given.</summary>
    public IEnumerable<string> PlainHeaderParameters =>
        Operations.SelectMany(o => o.Parameters).Where(p => p.In == "header" && !IsCredentialHeader(p.Name)).Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>How the document itself was downloaded (the evidence of a fetch), or null when it was read from a file.</summary>
    public DocumentFetch? Fetched { get; init; }

    /// <summary>Where the document was read from: the documents its `$ref`s name are judged against it.</summary>
    public SpecOrigin? Origin { get; init; }

    internal SpecSource? Source { get; init; }

    /// <summary>
    /// A document the spec's `$ref`s name (its address, without fragment), read only where the fetch policy allows and
    /// with the same limits as the spec (size, YAML nesting and aliases); a <see cref="SpecLoadException"/> says why not.
    /// </summary>
    public JsonNode ReadReferenced(Uri address)
    {
        if (Source is null || Origin is null) throw new SpecLoadException($"'{address}' was not read: this spec has no fetch policy to read it by.");
        try
        {
            return YamlToJson.Convert(Source.ReadReferenced(address, Origin)) ?? throw new SpecLoadException($"'{address}' is empty.");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SpecLoadException($"'{address}' is neither JSON nor YAML (line {e.Start.Line}: {e.Message}).", e);
        }
    }

    /// <summary>Diagnostics found after loading (e.g. while checking a profile against this spec).</summary>
    public void AddDiagnostic(SpecDiagnostic diagnostic)
    {
        lock (_diagnostics) _diagnostics.Add(diagnostic);
    }

    public SpecOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(o => o.Method == method && o.Path == path);
}
