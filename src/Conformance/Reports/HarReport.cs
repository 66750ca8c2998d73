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
/// when they are UTF-8 and base64 otherwise, at most <see cref="MostBodyBytes"/> each. Every string of every entry
/// is masked, whichever field holds it.
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
        var index = new ExchangeIndex(result);
        var sent = index.All.Select((e, i) => (Exchange: e, Order: i))
            .Where(x => x.Exchange.TransportError?.StartsWith(Probe.NoToken, StringComparison.Ordinal) != true)
            .OrderBy(x => x.Exchange.StartedAt ?? result.StartedAt).ThenBy(x => x.Order).Select(x => x.Exchange);
        var creator = new JsonObject { ["name"] = "conformance", ["version"] = HarnessInfo.Version };
        writer.Write($"{{\"log\": {{\n\"version\": \"1.2\",\n\"creator\": {creator.ToJsonString(Compact)},\n");
        var comment = $"{result.StandardName} against {result.SupplierName} ({result.Target})"
                      + (result.Supplier.Demonstration ? $". {Supplier.DemonstrationNotice}" : "");
        writer.Write($"\"comment\": {JsonSerializer.Serialize(Redaction.Mask(comment, result.Secrets), Compact)},\n\"entries\": [");
        var first = true;
        foreach (var exchange in sent)
            foreach (var entry in Entries(exchange, index, result.StartedAt, result.Secrets))
            {
                Mask(entry, result.Secrets);
                writer.Write(first ? "\n" : ",\n");
                writer.Write(entry.ToJsonString(Compact));
                first = false;
            }
        writer.Write("\n]}}\n");
    }

    /// <summary>
    /// Every string in an entry masked, whatever field holds it (URL, query, cookies, header names and values, the
    /// content's type and text, redirects, a posted form, errors): written as it came, none is left out by forgetting.
    /// A base64 body was masked byte for byte before it was encoded; should its encoding still spell a secret, it is withheld.
    /// </summary>
    private static void Mask(JsonNode node, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0) return;
        switch (node)
        {
            case JsonObject o when o["encoding"]?.GetValue<string>() == "base64" && o["text"]?.GetValue<string>() is { } base64:
                if (Redaction.Holds(base64, secrets))
                {
                    o.Remove("text");
                    o.Remove("encoding");
                    o["comment"] = Redaction.Withheld(base64.Length, "its base64 spells a secret");
                }
                foreach (var key in o.Where(p => p.Key is not "text").Select(p => p.Key).ToList()) MaskAt(o, key, secrets);
                break;
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList()) MaskAt(o, key, secrets);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text)) a[i] = Redaction.Mask(text, secrets);
                    else if (a[i] is { } child) Mask(child, secrets);
                break;
        }
    }

    private static void MaskAt(JsonObject o, string key, IReadOnlyCollection<string> secrets)
    {
        if (o[key] is JsonValue v && v.TryGetValue<string>(out var text)) o[key] = Redaction.Mask(text, secrets);
        else if (o[key] is { } child) Mask(child, secrets);
    }

    /// <summary>One entry per request: each redirect followed, then the answer recorded. Nothing is masked yet.</summary>
    private static IEnumerable<JsonObject> Entries(Exchange e, ExchangeIndex index, DateTimeOffset runStarted, IReadOnlyCollection<string> secrets)
    {
        var started = (e.StartedAt ?? runStarted).ToString("O", CultureInfo.InvariantCulture);
        var url = e.Url;
        foreach (var redirect in e.Redirects)
        {
            // Only the status and where it pointed were recorded; its time is counted in the answer's entry.
            yield return Entry(e, index, started, url, 0, redirect.Status, [new("Location", redirect.Location)],
                new JsonObject { ["size"] = 0, ["mimeType"] = "" }, redirect.Location);
            url = redirect.Location;
        }
        yield return Entry(e, index, started, url, e.Duration.TotalMilliseconds, e.Status ?? 0, e.ResponseHeaders, Content(e, secrets),
            e.Header("Location") ?? "");
    }

    private static JsonObject Entry(Exchange e, ExchangeIndex index, string started, string url, double milliseconds, int status,
        IReadOnlyList<KeyValuePair<string, string>> responseHeaders, JsonObject content, string redirectUrl)
    {
        var time = Math.Round(milliseconds, 1);
        var request = new JsonObject
        {
            ["method"] = e.Method,
            ["url"] = url,
            ["httpVersion"] = HttpVersion,
            ["cookies"] = new JsonArray(RequestCookies(e.RequestHeaders).ToArray()),
            ["headers"] = Pairs(e.RequestHeaders),
            ["queryString"] = Pairs(Query(url)),
            ["headersSize"] = -1,
            ["bodySize"] = -1,
        };
        if (e.Form is { } form)
            request["postData"] = new JsonObject
            {
                ["mimeType"] = "application/x-www-form-urlencoded",
                ["params"] = Pairs(form),
                ["text"] = string.Join("&", form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")),
            };
        else if (e.RequestBody is { Length: > 0 } body)
            request["postData"] = new JsonObject
            {
                // The harness's own writes send JSON (Asked is where it sent them); a client's body is labelled as it labelled it.
                ["mimeType"] = e.RequestHeader("Content-Type") ?? (e.Asked is not null ? "application/json" : ""),
                ["text"] = Encoding.UTF8.GetString(body), // a write's JSON, or a client's body (the stand-in's cap bounds it), masked with the rest
            };
        var entry = new JsonObject
        {
            ["startedDateTime"] = started,
            ["time"] = time,
            ["request"] = request,
            ["response"] = new JsonObject
            {
                ["status"] = status,
                ["statusText"] = "",
                ["httpVersion"] = e.Answered ? HttpVersion : "",
                ["cookies"] = new JsonArray(ResponseCookies(responseHeaders).ToArray()),
                ["headers"] = Pairs(responseHeaders),
                ["content"] = content,
                ["redirectURL"] = redirectUrl,
                ["headersSize"] = -1,
                ["bodySize"] = -1,
            },
            ["cache"] = new JsonObject(),
            ["timings"] = new JsonObject { ["send"] = 0, ["wait"] = time, ["receive"] = 0 },
            ["_id"] = index.IdOf(e),
            ["_operation"] = e.Operation,
            ["_purpose"] = e.Purpose,
        };
        if (index.OwnerOf(e) is { } owner) entry["_ownedBy"] = owner;
        if (e.TransportError is { } error) entry["_error"] = error;
        return entry;
    }

    /// <summary>The cookies a request carried, from its Cookie headers ("a=1; b=2").</summary>
    private static IEnumerable<JsonNode?> RequestCookies(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Where(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(pair => (JsonNode?)Cookie(pair));

    /// <summary>The cookies an answer set, one per Set-Cookie header: its name and value, and where it applies when it says.</summary>
    private static IEnumerable<JsonNode?> ResponseCookies(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Where(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h =>
        {
            var parts = h.Value.Split(';', StringSplitOptions.TrimEntries);
            var cookie = Cookie(parts[0]);
            foreach (var attribute in parts.Skip(1).Select(a => a.Split('=', 2)))
                switch (attribute[0].ToLowerInvariant())
                {
                    case "path" or "domain" when attribute.Length == 2: cookie[attribute[0].ToLowerInvariant()] = attribute[1]; break;
                    case "httponly": cookie["httpOnly"] = true; break;
                    case "secure": cookie["secure"] = true; break;
                }
            return (JsonNode?)cookie;
        });

    private static JsonObject Cookie(string pair)
    {
        var (name, value) = pair.IndexOf('=') is var equals and >= 0 ? (pair[..equals], pair[(equals + 1)..]) : (pair, "");
        return new JsonObject { ["name"] = name.Trim(), ["value"] = value.Trim() };
    }

    /// <summary>The body as text when it is UTF-8 (masked with the rest of the entry), else base64 masked byte for byte; cut at <see cref="MostBodyBytes"/>.</summary>
    private static JsonObject Content(Exchange e, IReadOnlyCollection<string> secrets)
    {
        var content = new JsonObject { ["size"] = e.Body.Length, ["mimeType"] = e.ContentType ?? "" };
        if (e.Body.Length == 0) return content;
        var kept = e.Body.AsSpan(0, Math.Min(e.Body.Length, MostBodyBytes));
        if (Text(kept, cut: kept.Length < e.Body.Length || e.BodyCutAt is not null) is { } text) content["text"] = text;
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

    private static JsonArray Pairs(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.Select(p => (JsonNode?)new JsonObject { ["name"] = p.Key, ["value"] = p.Value }).ToArray());
}
