using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Http;

/// <summary>
/// One request the harness sent and what came back: the evidence every finding points at.
/// <see cref="Status"/> is null when no HTTP answer arrived (see <see cref="TransportError"/>).
/// </summary>
public sealed record Exchange
{
    public required string Operation { get; init; }
    /// <summary>Why the request was sent, e.g. "page 1", "last page (7)", "id from GET /services".</summary>
    public required string Purpose { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; }
    /// <summary>The page this request asked for, when it sampled a paginated list.</summary>
    public int? Page { get; init; }
    /// <summary>The record id this request asked for, when it fetched one record.</summary>
    public string? RecordId { get; init; }
    public int? Status { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public TimeSpan Duration { get; init; }
    public string? TransportError { get; init; }
    /// <summary>True when the request carried no credentials or custom headers of the user's.</summary>
    public bool Anonymous { get; init; } = true;

    public bool Answered => Status is not null;
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) =>
        ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    private readonly Lazy<(JsonNode? Node, string? Error)> _json;

    public Exchange() => _json = new(ParseBody);

    /// <summary>The body parsed as JSON, or the parse error. Parsed once, on first use.</summary>
    public (JsonNode? Node, string? Error) Json => _json.Value;

    private (JsonNode?, string?) ParseBody()
    {
        try { return (JsonNode.Parse(Body), null); }
        catch (JsonException e) { return (null, e.Message); }
    }

    /// <summary>A curl line that repeats the request, with the user's header values redacted.</summary>
    public string Curl()
    {
        var builder = new StringBuilder("curl -i");
        if (Method != "GET") builder.Append($" -X {Method}");
        foreach (var (name, value) in RequestHeaders)
            builder.Append($" -H '{name}: {(Anonymous ? value : Redaction.Redact(name, value))}'");
        builder.Append($" '{Url}'");
        return builder.ToString();
    }

    /// <summary>The first part of the body, for reports.</summary>
    public string Excerpt(int max = 2000)
    {
        var text = BodyText;
        return text.Length <= max ? text : text[..max] + $"… ({Body.Length} bytes in all)";
    }
}
