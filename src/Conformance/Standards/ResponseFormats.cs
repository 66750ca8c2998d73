namespace Conformance.Standards;

/// <summary>
/// Formats chosen by the path's extension (Open311: /services.xml, /services.json): the path parameter that
/// carries it and the formats a server offers. Every endpoint with that parameter is tested in each format.
/// </summary>
public sealed class ResponseFormats
{
    public required string Parameter { get; init; }
    public required IReadOnlyList<ResponseFormat> Values { get; init; }

    /// <summary>The format every server must offer (the first required one): where one-off probes are sent.</summary>
    public ResponseFormat? Required => Values.FirstOrDefault(v => v.Tier == Tier.Required);
}

public sealed class ResponseFormat
{
    /// <summary>The extension, e.g. "xml".</summary>
    public required string Extension { get; init; }
    /// <summary>Media types a response in this format may be labelled with; the first is the one asked for.</summary>
    public required IReadOnlyList<string> MediaTypes { get; init; }
    /// <summary>A required format keeps its endpoints' tier; an optional one makes all its endpoints optional.</summary>
    public Tier Tier { get; init; } = Tier.Required;

    public bool IsXml => Extension.Equals("xml", StringComparison.OrdinalIgnoreCase);
}
