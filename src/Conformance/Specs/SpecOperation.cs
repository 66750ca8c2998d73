namespace Conformance.Specs;

/// <summary>One operation of a spec, as the planner and checks need it.</summary>
public sealed record SpecOperation(
    string Method,
    string Path,
    IReadOnlyList<SpecParameter> Parameters,
    IReadOnlyList<SpecResponse> Responses,
    string? Template = null)
{
    /// <summary>Stable id used in reports, e.g. "GET /services", or "GET /services.xml" for one format of a path.</summary>
    public string Id => $"{Method} {Path}";

    /// <summary>The path as the spec writes it: Path with the format parameter still in it, when a format was chosen.</summary>
    public string PathTemplate => Template ?? Path;

    public bool HasPathParameters => Path.Contains('{');

    /// <summary>
    /// What a request for this operation asks for: every media type its responses document, JSON-like ones first, then
    /// anything at a low preference, so a server that can answer only what it documents is never provoked into a 406.
    /// </summary>
    public string Accept => MediaTypes.Accept(Responses.SelectMany(r => r.Content).Select(c => c.MediaType));

    public SpecResponse? ResponseFor(int status) =>
        Responses.FirstOrDefault(r => r.StatusCode == status.ToString())
        ?? Responses.FirstOrDefault(r => r.StatusCode.Length == 3 && r.StatusCode[0] == (char)('0' + status / 100)
                                         && r.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase))
        ?? Responses.FirstOrDefault(r => r.StatusCode == "default");
}

/// <param name="Enum">The values the parameter's schema allows, when it lists them.</param>
/// <param name="Suggested">A value the document itself gives for the parameter, and where it says so (read by the spec loader).</param>
public sealed record SpecParameter(string Name, string In, bool Required, IReadOnlyList<string>? Enum = null, Suggested? Suggested = null);

/// <summary>A value the document gives for a parameter: its example, first of its examples, default, only enum value, or const.</summary>
public sealed record Suggested(string Value, string Source);

/// <summary>A documented response; each media type carries the JSON Pointer of its schema, if it has one.</summary>
public sealed record SpecResponse(string StatusCode, IReadOnlyList<SpecContent> Content);

public sealed record SpecContent(string MediaType, string? SchemaPointer);
