using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// report.json: the machine-readable record of a run, described by docs/report.schema.json. Each exchange is written
/// once, under <c>exchanges</c>, and results cite it by id, so the file grows with the requests made, not with
/// requests × checks. An exchange a result cites carries its body's first 2,000 characters (<c>responseExcerpt</c>);
/// every body of the run is in exchanges.har. Field names are a contract: add, never rename; a change of shape
/// raises <see cref="SchemaVersion"/>.
/// </summary>
public sealed class JsonReport : IReporter
{
    /// <summary>1: evidence written whole inside each result. 2: exchanges written once and cited by id.</summary>
    public const int SchemaVersion = 2;

    public string Format => "json";
    public string FileName => "report.json";

    // Quotes as \" rather than \u0022 (a body excerpt is mostly quotes); the file is data, never embedded in a page.
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the report with every string in it masked, value by value before it is written (a value masked before it
    /// is escaped cannot show a secret escaped either), and the exchanges one at a time: a harvest of thousands of
    /// requests is never held as one document, nor as one string.
    /// </summary>
    public void Write(RunResult result, TextWriter writer)
    {
        var index = new ExchangeIndex(result);
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Written.Encoder });
        void Drain()
        {
            json.Flush();
            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }
        json.WriteStartObject();
        foreach (var (name, value) in Build(result, index, withExchanges: false))
        {
            json.WritePropertyName(name);
            WriteMasked(json, value, result.Secrets);
        }
        json.WriteStartArray("exchanges");
        foreach (var e in index.All)
        {
            WriteMasked(json, Exchange(e, index.IdOf(e), index.IsCited(e) ? e.Excerpt(result.Secrets) : null, index.OwnerOf(e)), result.Secrets);
            if (buffer.WrittenCount > 64 * 1024) Drain();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        Drain();
    }

    private static void WriteMasked(Utf8JsonWriter json, JsonNode? node, IReadOnlyCollection<string> secrets)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text)) json.WriteStringValue(secrets.Count > 0 ? Redaction.Mask(text, secrets) : text);
        else if (node is null) json.WriteNullValue();
        else
        {
            if (secrets.Count > 0) MaskStrings(node, secrets);
            node.WriteTo(json);
        }
    }

    private static void MaskStrings(JsonNode node, IReadOnlyCollection<string> secrets)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var text)) o[key] = Redaction.Mask(text, secrets);
                    else if (o[key] is { } child) MaskStrings(child, secrets);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text)) a[i] = Redaction.Mask(text, secrets);
                    else if (a[i] is { } child) MaskStrings(child, secrets);
                break;
        }
    }

    /// <summary>The report before secrets are masked in it (<see cref="Write"/> masks them).</summary>
    public static JsonObject Build(RunResult result) => Build(result, new ExchangeIndex(result), withExchanges: true);

    private static JsonObject Build(RunResult result, ExchangeIndex exchanges, bool withExchanges)
    {
        var report = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["verdict"] = result.Verdict,
            ["standard"] = result.StandardId,
            ["standardName"] = result.StandardName,
            ["target"] = result.Target,
            ["supplier"] = new JsonObject { ["name"] = result.SupplierName, ["vendor"] = result.Supplier.Vendor, ["product"] = result.Supplier.Product },
            ["demonstration"] = result.Supplier.Demonstration,
            ["harness"] = new JsonObject { ["name"] = "conformance", ["version"] = HarnessInfo.Version },
            ["spec"] = new JsonObject { ["location"] = result.SpecLocation, ["openapi"] = result.SpecVersion, ["sha256"] = result.SpecDigest },
            ["startedAt"] = result.StartedAt.ToString("O"),
            ["finishedAt"] = result.FinishedAt.ToString("O"),
            ["requestsSent"] = result.RequestsSent,
            ["waitedSeconds"] = Math.Round(result.Waited.TotalSeconds, 1),
            ["seed"] = result.Seed,
            ["aborted"] = result.Aborted,
            ["notes"] = Strings([.. result.Notes, .. result.UnwrittenReports]),
            ["summary"] = new JsonObject
            {
                ["pass"] = result.Count(Outcome.Pass),
                ["warning"] = result.Count(Outcome.Warning),
                ["fail"] = result.Count(Outcome.Fail),
                ["skipped"] = result.Count(Outcome.Skipped),
                ["error"] = result.Count(Outcome.Error),
                ["info"] = result.Count(Outcome.Info),
            },
            ["diagnostics"] = Array(result.Diagnostics, d => new JsonObject
            {
                ["kind"] = d.Kind,
                ["location"] = d.Location,
                ["message"] = d.Message,
            }),
            ["manualClauses"] = Array(result.ManualClauses, c => new JsonObject
            {
                ["clause"] = c.Id,
                ["level"] = c.Level.ToString().ToUpperInvariant(),
                ["statement"] = c.Statement,
            }),
            ["coverage"] = Array(result.Coverage, c => new JsonObject
            {
                ["operation"] = c.Operation,
                ["tier"] = c.Tier.ToString().ToLowerInvariant(),
                ["requests"] = c.Requests,
                ["answered"] = c.Answered,
                ["recordsValidated"] = c.RecordsValidated,
                ["idsLookedUp"] = c.IdsLookedUp,
                ["read"] = c.Read,
                ["gap"] = c.Gap,
            }),
            ["results"] = Array(result.Results, r => new JsonObject
            {
                ["check"] = r.Check,
                ["clause"] = r.Clause,
                ["level"] = r.Level.ToString().ToUpperInvariant(),
                ["operation"] = r.Operation,
                ["tier"] = r.Tier.ToString().ToLowerInvariant(),
                ["outcome"] = r.Outcome.ToString().ToLowerInvariant(),
                ["message"] = r.Message,
                ["details"] = Strings(r.Details),
                ["evidence"] = exchanges.IdOf(r),
            }),
        };
        if (result.Client is { } client)
            report["client"] = new JsonObject
            {
                ["role"] = client.Role, ["scenario"] = client.Scenario, ["scenarioTitle"] = client.ScenarioTitle, ["asks"] = client.Asks,
            };
        if (withExchanges)
            report["exchanges"] = Array(exchanges.All, e => Exchange(e, exchanges.IdOf(e), exchanges.IsCited(e) ? e.Excerpt(result.Secrets) : null, exchanges.OwnerOf(e),
                exchanges.IsCited(e) && e.RequestBody is { Length: > 0 } ? e.RequestExcerpt(result.Secrets) : null));
        return report;
    }

    /// <summary>
    /// One exchange. What did not happen is left out rather than written as null, false or empty (no owner, no wait,
    /// no throttling, no transport error, no redirect, no cut body, no excerpt), so a run's many ordinary requests stay small.
    /// </summary>
    private static JsonObject Exchange(Exchange e, string id, string? excerpt, string? owner, string? requestExcerpt = null)
    {
        var written = new JsonObject
        {
            ["id"] = id,
            ["operation"] = e.Operation,
            ["purpose"] = e.Purpose,
            ["method"] = e.Method,
            ["url"] = e.Url,
            ["requestHeaders"] = Headers(e.RequestHeaders),
            ["anonymous"] = e.Anonymous,
            ["startedAt"] = e.StartedAt?.ToString("O"),
            ["durationMs"] = Math.Round(e.Duration.TotalMilliseconds, 1),
            ["status"] = e.Status,
            ["responseHeaders"] = Headers(e.ResponseHeaders),
            ["contentType"] = e.ContentType,
            ["bodyBytes"] = e.Body.Length,
            ["curl"] = e.Curl(),
        };
        void Add(string name, JsonNode? value, bool when)
        {
            if (when) written[name] = value;
        }
        Add("ownedBy", owner, owner is not null);
        Add("waitedSeconds", Math.Round(e.Waited.TotalSeconds, 1), e.Waited > TimeSpan.Zero);
        Add("throttled", true, e.Throttled);
        Add("transportError", e.TransportError, e.TransportError is not null);
        Add("bodyCutAt", e.BodyCutAt, e.BodyCutAt is not null);
        Add("redirects", Array(e.Redirects, r => new JsonObject { ["status"] = r.Status, ["location"] = r.Location }), e.Redirects.Count > 0);
        Add("redirectNotFollowed", e.RedirectNotFollowed, e.RedirectNotFollowed is not null);
        Add("responseExcerpt", excerpt, excerpt is not null);
        Add("requestBodyBytes", e.RequestBody?.Length, e.RequestBody is not null);
        Add("requestBodyCutAt", e.RequestBodyCutAt, e.RequestBodyCutAt is not null);
        Add("requestExcerpt", requestExcerpt, requestExcerpt is not null);
        return written;
    }

    /// <summary>Headers as sent or received, "Name: value", in order (a name may come twice).</summary>
    private static JsonArray Headers(IEnumerable<KeyValuePair<string, string>> headers) => Strings(headers.Select(h => $"{h.Key}: {h.Value}"));

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> item) => new(items.Select(i => (JsonNode?)item(i)).ToArray());
}
