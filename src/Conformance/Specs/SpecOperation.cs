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

    public SpecResponse? ResponseFor(int status) =>
        Responses.FirstOrDefault(r => r.StatusCode == status.ToString())
        ?? Responses.FirstOrDefault(r => r.StatusCode.Length == 3 && r.StatusCode[0] == (char)('0' + status / 100)
                                         && r.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase))
        ?? Responses.FirstOrDefault(r => r.StatusCode == "default");
}

/// <param name="Enum">The values the parameter's schema allows, when it lists them.</param>
public sealed record SpecParameter(string Name, string In, bool Required, IReadOnlyList<string>? Enum = null);

/// <summary>A documented response; each media type carries the JSON Pointer of its schema, if it has one.</summary>
public sealed record SpecResponse(string StatusCode, IReadOnlyList<SpecContent> Content);

public sealed record SpecContent(string MediaType, string? SchemaPointer);
