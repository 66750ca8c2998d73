using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;

namespace Conformance.Http;

/// <summary>
/// One request the harness sent and what came back: the evidence every finding points at.
/// <see cref="Status"/> is null when no HTTP answer arrived (see <see cref="TransportError"/>). What the harness learned
/// sending it (the page or record asked for, the check it was sent for) is kept beside it, by the room that learned it.
/// With the body it holds goes what that body is: the start of a longer one (<see cref="BodyCutAt"/>), or the skeleton
/// of a page judged on arrival (<see cref="ReducedFrom"/>), so every reader of the body can say so.
/// </summary>
public sealed record Exchange
{
    public required string Operation { get; init; }
    /// <summary>Why the request was sent, e.g. "page 1", "last page (7)", "id from GET /services".</summary>
    public required string Purpose { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }
    /// <summary>Where the request was asked to go, before credentials were added (a read without them repeats it).</summary>
    public Uri? Asked { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; }
    /// <summary>The form a write posted (--allow-writes), as sent; null for a read.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }
    /// <summary>
    /// The body a request carried other than a form: the JSON a write sent (PUT or POST, --allow-writes), or a request the
    /// harness received (a client's, at the stand-in) as received, only its first bytes where it went past the stand-in's
    /// cap (<see cref="RequestBodyCutAt"/>); null for a read.
    /// </summary>
    public byte[]? RequestBody { get; init; }
    /// <summary>Set when a received request's body went on past the stand-in's cap: that cap, in bytes.</summary>
    public long? RequestBodyCutAt { get; init; }
    public int? Status { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];
    /// <summary>The body as received (decompressed), or only its first bytes when it went past the cap (<see cref="BodyCutAt"/>).</summary>
    public byte[] Body { get; init; } = [];
    /// <summary>
    /// Set when the body went on past the most the harness reads (<see cref="ProbeSettings.MaxBodyBytes"/>): that cap,
    /// in bytes. Only the body's first bytes were kept, as evidence; it is not judged (<see cref="BodyRefused"/>).
    /// </summary>
    public long? BodyCutAt { get; init; }
    public string? ContentType { get; init; }
    /// <summary>When the request was first sent (before any redirect it followed), for timelines and HAR; null when not recorded.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>Time spent waiting because the server answered 429/503 with Retry-After before this answer.</summary>
    public TimeSpan Waited { get; init; }
    /// <summary>Set when the last answer asked for a longer wait than the harness honours: the server was busy, not wrong.</summary>
    public bool Throttled { get; init; }
    public string? TransportError { get; init; }
    /// <summary>True when the request carried no credentials or custom headers of the user's.</summary>
    public bool Anonymous { get; init; } = true;
    /// <summary>Set when the response was asked for as XML: the body is read as the JSON this shape describes.</summary>
    public Specs.XmlShape? Xml { get; init; }
    /// <summary>The redirects followed, in order, before the answer recorded here (the same origin only).</summary>
    public IReadOnlyList<Redirect> Redirects { get; init; } = [];
    /// <summary>
    /// Why the redirect this answer asks for was not followed (another origin, or too many): the harness could not
    /// judge what lies behind it. Null when the answer is no redirect, or every redirect was followed.
    /// </summary>
    public string? RedirectNotFollowed { get; init; }

    /// <summary>
    /// Set when the body was judged on arrival and then cut down to what later checks read (the envelope and the
    /// records' ids): the size of the body as received. <see cref="Body"/> then holds that skeleton.
    /// </summary>
    public long? ReducedFrom { get; init; }

    public bool Answered => Status is not null;
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) =>
        ResponseHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string? RequestHeader(string name) =>
        RequestHeaders.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    // A `with` copy shares this parse, which is right while what it reads (Body, BodyCutAt, Xml, Status) is unchanged;
    // Reduced, which changes the body, parses afresh.
    private Lazy<(JsonNode? Node, JsonElement? Element, string? Error, bool Refused, bool ByParser)> _json;

    public Exchange() => _json = new(ParseBody);

    /// <summary>
    /// The body parsed as JSON (or, asked for as XML, read as JSON), or why it cannot be read. Parsed once, on first use.
    /// </summary>
    public (JsonNode? Node, string? Error) Json
    {
        get
        {
            var parsed = Parsed();
            return (parsed.Node, parsed.Error);
        }
    }

    /// <summary>
    /// Why the body cannot be read as JSON, in plain words, or null when it can: the harness's own sentence (not UTF-8, a
    /// lone surrogate, past the cap), or "the body is not valid JSON" where all there is are the parser's words (line and
    /// byte positions), which <see cref="Json"/>'s Error keeps for the evidence.
    /// </summary>
    public string? JsonProblem => Parsed() is { Error: { } error } parsed ? parsed.ByParser ? "the body is not valid JSON" : error : null;

    /// <summary>The same body as a JsonElement, for the schema validator.</summary>
    public JsonElement? JsonElement => Parsed().Element;

    /// <summary>
    /// True when the harness would not read the body (an XML DTD, refused for safety; a body past the cap, <see cref="BodyCutAt"/>;
    /// <see cref="Json"/> says why):
    /// what it holds could not be judged, so the vendor is not blamed for it.
    /// </summary>
    public bool BodyRefused => Parsed().Refused;

    /// <summary>
    /// The body's parse: kept once made, except for a page cut down to its skeleton, which is read again each time it
    /// is asked for (a few times, and small): thousands of harvested pages must not each keep a parse to the end.
    /// </summary>
    private (JsonNode? Node, JsonElement? Element, string? Error, bool Refused, bool ByParser) Parsed() => ReducedFrom is null ? _json.Value : ParseBody();

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 256 };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A hostile or broken body must never throw out of a check: every way it can be wrong becomes a reason.
    private (JsonNode?, JsonElement?, string?, bool, bool) ParseBody()
    {
        // What the harness did not read, it does not judge: the cap is its own limit, not the vendor's fault.
        if (BodyCutAt is { } cap)
            return (null, null, $"the body goes on past {ProbeSettings.Describe(cap)}, the most the harness reads (--max-body raises it)", true, false);
        var bytes = Body.AsMemory();
        if (Xml is not null)
        {
            var (xml, problem, refused) = XmlBody.Read(bytes, Xml, Status);
            if (xml is null) return (null, null, problem, refused, false);
            var written = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(written)) xml.WriteTo(writer);
            return (xml, JsonDocument.Parse(written.WrittenMemory, Strict).RootElement, null, false, false);
        }
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..]; // a UTF-8 byte order mark is allowed (RFC 8259 §8.1)
        try
        {
            StrictUtf8.GetCharCount(bytes.Span);
            // Parsed once, over the body's own bytes (neither copied nor cloned); the document is never disposed, so
            // it lives as long as the exchange, and the JsonNode reads through it.
            // Before the parse: it reads names with one to find duplicates, and throws on a lone surrogate in one.
            if (LoneSurrogate(bytes.Span) is { } escape)
                return (null, null, $"a string holds {escape}, half of a UTF-16 surrogate pair alone, which is no Unicode text (RFC 8259 §8.2)", false, false);
            var root = JsonDocument.Parse(bytes, Strict).RootElement;
            return (NodeOf(root), root, null, false, false);
        }
        catch (DecoderFallbackException) { return (null, null, "the body is not valid UTF-8", false, false); }
        catch (JsonException e) { return (null, null, e.Message, false, true); }
        catch (InvalidOperationException e) { return (null, null, $"the body cannot be read as text ({e.Message})", false, false); }
    }

    /// <summary>
    /// The first lone surrogate escape (\ud800 with no \udc00-\udfff after it, or one of those with none before) in a
    /// string or a name of a JSON text the parser accepted, or null. The parser lets them through, and whatever then reads
    /// such a string throws; so they are found here, once: a quick search for an escape of a surrogate, then, only if one
    /// is there, the strings read token by token.
    /// </summary>
    private static string? LoneSurrogate(ReadOnlySpan<byte> json)
    {
        if (!MaySpellASurrogate(json)) return null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = Strict.MaxDepth });
        while (reader.Read())
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                && LoneSurrogateIn(reader.ValueSpan) is { } escape) // over one span, a value is never a sequence
                return escape;
        return null;
    }

    /// <summary>Whether the text holds \\uD800 to \\uDFFF (any case) anywhere: one vectorised search for each "\\u".</summary>
    private static bool MaySpellASurrogate(ReadOnlySpan<byte> json)
    {
        while (json.IndexOf("\\u"u8) is var at and >= 0)
        {
            if (at + 3 < json.Length && json[at + 2] is (byte)'d' or (byte)'D' && json[at + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
                return true;
            json = json[(at + 2)..];
        }
        return false;
    }

    /// <summary>The first lone surrogate escape in a string's raw (still escaped) bytes, or null.</summary>
    private static string? LoneSurrogateIn(ReadOnlySpan<byte> raw)
    {
        char? high = null;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || raw[i + 1] != 'u') // a character, or a short escape: a high surrogate before it was alone
            {
                if (high is { } h) return Escaped(h);
                if (raw[i] == '\\') i++;
                continue;
            }
            var unit = (char)int.Parse(raw.Slice(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
            i += 5;
            if (char.IsHighSurrogate(unit))
            {
                if (high is { } h) return Escaped(h);
                high = unit;
            }
            else if (char.IsLowSurrogate(unit))
            {
                if (high is null) return Escaped(unit);
                high = null;
            }
            else if (high is { } h) return Escaped(h);
        }
        return high is { } last ? Escaped(last) : null;
    }

    private static string Escaped(char unit) => $"\\u{(int)unit:x4}";

    /// <summary>The element as a JsonNode backed by it, as JsonNode.Parse makes one (JSON null is a null node).</summary>
    private static JsonNode? NodeOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        _ => JsonValue.Create(element),
    };

    /// <summary>
    /// This answer with its body replaced by a skeleton of it (JSON), parsed afresh: the whole body and its parse
    /// are no longer held.
    /// </summary>
    public Exchange Reduced(JsonNode skeleton)
    {
        var copy = this with { Body = JsonSerializer.SerializeToUtf8Bytes(skeleton), ReducedFrom = Body.LongLength };
        copy._json = new(copy.ParseBody); // never made: Parsed reads a skeleton afresh
        return copy;
    }

    /// <summary>A curl line that repeats the request (secrets were masked when the exchange was recorded).</summary>
    public string Curl()
    {
        var builder = new StringBuilder("curl -i");
        if (Redirects.Count > 0) builder.Append($" -L --max-redirs {Redirects.Count}");
        if (Method != "GET") builder.Append($" -X {Method}");
        foreach (var (name, value) in RequestHeaders)
            builder.Append($" -H '{name}: {value}'");
        if (RequestBody is { Length: > 0 } body)
            builder.Append(RequestBodyCutAt is null && body.Length <= CurlBodyMost && Encoding.UTF8.GetString(body) is var text && !text.Contains('\0')
                ? $" --data-binary '{text.Replace("'", "'\\''")}'"
                : $" --data-binary @body # the {(RequestBodyCutAt is null ? $"{body.Length}-byte" : "long")} body as received");
        builder.Append($" '{Url}'");
        return builder.ToString();
    }

    /// <summary>The longest request body a curl line spells out.</summary>
    private const int CurlBodyMost = 4000;

    /// <summary>The first part of a received request's body, for reports, masked before it is cut (as <see cref="Excerpt"/>).</summary>
    public string RequestExcerpt(IReadOnlyCollection<string>? secrets = null, int max = 2000)
    {
        var body = RequestBody ?? [];
        var decoded = Encoding.UTF8.GetString(body.AsSpan(0, (int)Math.Min(body.Length, 4L * max)));
        var text = secrets is { Count: > 0 } ? Redaction.Mask(decoded, secrets) : decoded;
        var start = text[..Math.Min(max, text.Length)];
        if (RequestBodyCutAt is { } cap) return $"{start}… (the body went on past {ProbeSettings.Describe(cap)}, the most the stand-in reads; only its start was kept)";
        return body.Length <= 4L * max && text.Length <= max ? text : $"{start}… ({body.Length} bytes in all)";
    }

    /// <summary>
    /// The first part of the body, for reports: only that part is decoded, however long the body is, and the secrets
    /// are masked in it before it is cut (a secret cut in two could no longer be recognised).
    /// </summary>
    public string Excerpt(IReadOnlyCollection<string>? secrets = null, int max = 2000)
    {
        // A UTF-8 character takes at most four bytes: 4 × max bytes always hold more than max characters.
        var decoded = Encoding.UTF8.GetString(Body.AsSpan(0, (int)Math.Min(Body.Length, 4L * max)));
        var text = secrets is { Count: > 0 } ? Redaction.Mask(decoded, secrets) : decoded;
        var start = text[..Math.Min(max, text.Length)];
        if (BodyCutAt is { } cap) return $"{start}… (the body went on past {ProbeSettings.Describe(cap)}; only its start was kept)";
        if (ReducedFrom is { } size) return $"{start} (of the {size} bytes received, judged as they arrived, only the envelope and the records' ids were kept)";
        return Body.Length <= 4L * max && text.Length <= max ? text : $"{start}… ({Body.Length} bytes in all)";
    }
}
