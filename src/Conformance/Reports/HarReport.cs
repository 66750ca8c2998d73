using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// exchanges.har: every request the run sent and its answer, as HTTP Archive 1.2, for browser dev tools and HAR
/// viewers. A redirect the probe followed is an entry of its own (its status and Location, as recorded), so the
/// entries are the requests sent; answers waited out (429, 503 with Retry-After) or refused for a lapsed OAuth2
/// token and asked again were not kept, and a request never sent for want of a token is left out. Bodies are text
/// when they are UTF-8 and base64 otherwise, at most <see cref="MostBodyBytes"/> each. Every value is masked.
/// </summary>
public sealed class HarReport : IReporter
{
    /// <summary>The most of a body an entry holds (1 MiB); a longer one is cut there and its entry says so.</summary>
    public const int MostBodyBytes = 1024 * 1024;

    // HttpClient's default, and the harness never asks for another; the reason phrase is not recorded.
    private const string HttpVersion = "HTTP/1.1";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public string Format => "har";
    public string FileName => "exchanges.har";

    public void Write(RunResult result, TextWriter writer)
    {
        string Mask(string text) => Redaction.Mask(text, result.Secrets);
        var index = new ExchangeIndex(result);
        var sent = index.All.Select((e, i) => (Exchange: e, Order: i))
            .Where(x => x.Exchange.TransportError?.StartsWith(Probe.NoToken, StringComparison.Ordinal) != true)
            .OrderBy(x => x.Exchange.StartedAt ?? result.StartedAt).ThenBy(x => x.Order).Select(x => x.Exchange);
        var creator = new JsonObject { ["name"] = "conformance", ["version"] = typeof(HarReport).Assembly.GetName().Version?.ToString() ?? "" };
        writer.Write($"{{\"log\": {{\n\"version\": \"1.2\",\n\"creator\": {creator.ToJsonString(Compact)},\n");
        writer.Write($"\"comment\": {JsonSerializer.Serialize(Mask($"{result.StandardName} against {result.Target}"), Compact)},\n\"entries\": [");
        var first = true;
        foreach (var exchange in sent)
            foreach (var entry in Entries(exchange, index, result.StartedAt, Mask, result.Secrets))
            {
                writer.Write(first ? "\n" : ",\n");
                writer.Write(entry.ToJsonString(Compact));
                first = false;
            }
        writer.Write("\n]}}\n");
    }

    /// <summary>One entry per request: each redirect followed, then the answer recorded.</summary>
    private static IEnumerable<JsonObject> Entries(Exchange e, ExchangeIndex index, DateTimeOffset runStarted, Func<string, string> mask,
        IReadOnlyCollection<string> secrets)
    {
        var started = (e.StartedAt ?? runStarted).ToString("O", CultureInfo.InvariantCulture);
        var url = e.Url;
        foreach (var redirect in e.Redirects)
        {
            // Only the status and where it pointed were recorded; its time is counted in the answer's entry.
            yield return Entry(e, index, started, url, 0, redirect.Status, [new("Location", redirect.Location)],
                new JsonObject { ["size"] = 0, ["mimeType"] = "" }, redirect.Location, mask);
            url = redirect.Location;
        }
        yield return Entry(e, index, started, url, e.Duration.TotalMilliseconds, e.Status ?? 0, e.ResponseHeaders, Content(e, mask, secrets),
            e.Header("Location") ?? "", mask);
    }

    private static JsonObject Entry(Exchange e, ExchangeIndex index, string started, string url, double milliseconds, int status,
        IReadOnlyList<KeyValuePair<string, string>> responseHeaders, JsonObject content, string redirectUrl, Func<string, string> mask)
    {
        var time = Math.Round(milliseconds, 1);
        var entry = new JsonObject
        {
            ["startedDateTime"] = started,
            ["time"] = time,
            ["request"] = new JsonObject
            {
                ["method"] = e.Method,
                ["url"] = mask(url),
                ["httpVersion"] = HttpVersion,
                ["cookies"] = new JsonArray(),
                ["headers"] = Pairs(e.RequestHeaders, mask),
                ["queryString"] = Pairs(Query(url), mask),
                ["headersSize"] = -1,
                ["bodySize"] = -1,
            },
            ["response"] = new JsonObject
            {
                ["status"] = status,
                ["statusText"] = "",
                ["httpVersion"] = e.Answered ? HttpVersion : "",
                ["cookies"] = new JsonArray(),
                ["headers"] = Pairs(responseHeaders, mask),
                ["content"] = content,
                ["redirectURL"] = mask(redirectUrl),
                ["headersSize"] = -1,
                ["bodySize"] = -1,
            },
            ["cache"] = new JsonObject(),
            ["timings"] = new JsonObject { ["send"] = 0, ["wait"] = time, ["receive"] = 0 },
            ["_id"] = index.IdOf(e),
            ["_operation"] = mask(e.Operation),
            ["_purpose"] = mask(e.Purpose),
        };
        if (index.OwnerOf(e) is { } owner) entry["_ownedBy"] = owner;
        if (e.TransportError is { } error) entry["_error"] = mask(error);
        return entry;
    }

    /// <summary>The body as text when it is UTF-8, else base64, masked either way and cut at <see cref="MostBodyBytes"/>.</summary>
    private static JsonObject Content(Exchange e, Func<string, string> mask, IReadOnlyCollection<string> secrets)
    {
        var content = new JsonObject { ["size"] = e.Body.Length, ["mimeType"] = e.ContentType ?? "" };
        if (e.Body.Length == 0) return content;
        var kept = e.Body.AsSpan(0, Math.Min(e.Body.Length, MostBodyBytes));
        if (Text(kept, cut: kept.Length < e.Body.Length || e.BodyCutAt is not null) is { } text) content["text"] = mask(text);
        else
        {
            // Masked byte for byte: Latin-1 maps each byte to one character, and each secret is looked for as its UTF-8 bytes too.
            var asBytes = secrets.Concat(secrets.Select(s => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(s)))).Distinct().ToList();
            content["text"] = Convert.ToBase64String(Encoding.Latin1.GetBytes(Redaction.Mask(Encoding.Latin1.GetString(kept), asBytes)));
            content["encoding"] = "base64";
        }
        var notes = new List<string>();
        if (e.BodyCutAt is { } cap) notes.Add($"The body went on past {ProbeSettings.Describe(cap)}, the most the harness reads; only its first {e.Body.Length} bytes were kept.");
        if (kept.Length < e.Body.Length) notes.Add($"Only the first {MostBodyBytes} of the {e.Body.Length} bytes kept are written here.");
        if (e.ReducedFrom is { } received)
            notes.Add($"A page judged as it arrived: of its {received} bytes only the envelope and the records' ids were kept, and are written here.");
        if (notes.Count > 0) content["comment"] = string.Join(" ", notes);
        return content;
    }

    /// <summary>The bytes as UTF-8 text, or null when they are not; a body cut short may end inside a character, which is dropped.</summary>
    private static string? Text(ReadOnlySpan<byte> bytes, bool cut)
    {
        for (var trim = 0; trim <= (cut ? Math.Min(3, bytes.Length - 1) : 0); trim++)
        {
            try
            {
                return StrictUtf8.GetString(bytes[..^trim]);
            }
            catch (DecoderFallbackException) { }
        }
        return null;
    }

    private static IEnumerable<KeyValuePair<string, string>> Query(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Query.Length <= 1 ? []
            : uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
                .Select(p => new KeyValuePair<string, string>(Unescape(p[0]), p.Length > 1 ? Unescape(p[1]) : ""));

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static JsonArray Pairs(IEnumerable<KeyValuePair<string, string>> pairs, Func<string, string> mask) =>
        new(pairs.Select(p => (JsonNode?)new JsonObject { ["name"] = mask(p.Key), ["value"] = mask(p.Value) }).ToArray());
}
