using System.Text.Json.Nodes;

namespace Conformance.Reference;

/// <summary>
/// The behaviour of a conforming Open311 GeoReport v2 server over <see cref="Open311Data"/>: every resource
/// in XML (required) and JSON by extension, jurisdiction_id checked (required when it serves several
/// jurisdictions), the GET requests filters, POST requests, and errors in the standard's errors format.
/// Pure: no HTTP here.
/// </summary>
public sealed class Open311Service(Open311Data data, bool severalJurisdictions = false)
{
    /// <summary>The address the server is reached at, written into the discovery document.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1";

    /// <summary>The one api_key POST requests is taken with (a stand-in issues it); null: any key will do.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Keep each request POST creates, so it can be read back by id or token, and answer a batch or blackbox service
    /// type with a token (a stand-in's session); otherwise nothing is stored and the reference stays as it is.
    /// </summary>
    public bool KeepsCreated { get; init; }

    private readonly Lock _lock = new();
    private readonly List<JsonObject> _createdRequests = [];
    private readonly List<JsonObject> _createdTokens = [];

    private IReadOnlyList<JsonObject> AllRequests
    {
        get { lock (_lock) return [.. data.Requests, .. _createdRequests]; }
    }

    private IReadOnlyList<JsonObject> AllTokens
    {
        get { lock (_lock) return [.. data.Tokens, .. _createdTokens]; }
    }

    public ReferenceResponse Handle(string method, string path, IReadOnlyDictionary<string, string> query)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[^1].LastIndexOf('.') is var dot && dot <= 0)
            return Error("json", 404, $"No resource at {path}: name one with its format, e.g. /services.xml.");
        var format = segments[^1][(dot + 1)..];
        segments[^1] = segments[^1][..dot];
        if (format is not ("xml" or "json")) return Error("json", 404, $"Format '{format}' is not offered: use .xml or .json.");
        if (method == "POST" && segments is ["requests"]) return Create(format, query);
        if (method is not ("GET" or "HEAD")) return Error(format, 405, $"{method} is not supported here.");

        if (segments is not ["discovery"])
        {
            var jurisdiction = query.GetValueOrDefault("jurisdiction_id", "");
            if (jurisdiction.Length == 0 && severalJurisdictions)
                return Error(format, 400, "jurisdiction_id is required: this endpoint serves several jurisdictions.");
            if (jurisdiction.Length > 0 && jurisdiction != Open311Data.JurisdictionId)
                return Error(format, 404, $"jurisdiction_id '{jurisdiction}' was not found.");
        }

        return segments switch
        {
            ["discovery"] => Ok(format, "discovery", Discovery()),
            ["services"] => Ok(format, "services", new JsonArray(data.Services.Select(s => (JsonNode)s.DeepClone()).ToArray())),
            ["services", var code] => data.Definitions.FirstOrDefault(d => d["service_code"]?.ToString() == code) is { } definition
                ? Ok(format, "service_definition", definition.DeepClone())
                : Error(format, 404, $"No service definition for service_code '{code}'."),
            ["requests"] => Requests(format, query),
            ["requests", var id] => AllRequests.FirstOrDefault(r => r["service_request_id"]?.ToString() == id) is { } request
                ? Ok(format, "service_requests", new JsonArray(request.DeepClone()))
                : Error(format, 404, $"No service request has id '{id}'."),
            ["tokens", var token] => AllTokens.FirstOrDefault(t => t["token"]?.ToString() == token) is { } found
                ? Ok(format, "service_requests", new JsonArray(found.DeepClone()))
                : Error(format, 404, $"No token '{token}'."),
            _ => Error(format, 404, $"No resource at {path}."),
        };
    }

    /// <summary>
    /// POST requests: an api_key, a known service_code, a location, and every required attribute of the
    /// service's definition; the answer names the new request. Nothing is stored: the reference stays as it is.
    /// </summary>
    private ReferenceResponse Create(string format, IReadOnlyDictionary<string, string> form)
    {
        string? Value(string name) => form.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        if (Value("api_key") is not { } key) return Error(format, 403, "api_key is required to submit a service request.");
        if (ApiKey is not null && key != ApiKey) return Error(format, 403, "api_key is not a key this server issued.");
        if (Value("service_code") is not { } code || data.Services.All(s => s["service_code"]?.ToString() != code))
            return Error(format, 400, "service_code must name a service type this server offers.");
        if (!(Value("lat") is not null && Value("long") is not null) && Value("address_string") is null && Value("address_id") is null)
            return Error(format, 400, "A location is required: lat and long, address_string or address_id.");
        var missing = (data.Definitions.FirstOrDefault(d => d["service_code"]?.ToString() == code)?["attributes"] as JsonArray ?? [])
            .OfType<JsonObject>().Where(a => a["required"]?.GetValue<bool>() == true && a["variable"]?.GetValue<bool>() != false)
            .Select(a => a["code"]!.ToString()).Where(c => Value($"attribute[{c}]") is null && Value($"attribute[{c}][]") is null).ToList();
        if (missing.Count > 0) return Error(format, 400, $"Required attributes are missing: {string.Join(", ", missing)}.");
        var id = $"HB-{2000 + Interlocked.Increment(ref _created)}";
        const string notice = "Thank you: the request will be looked at within two working days.";
        if (!KeepsCreated) return Answer(format, 200, "service_requests", new JsonArray(new JsonObject { ["service_request_id"] = id, ["service_notice"] = notice }));
        var service = data.Services.First(s => s["service_code"]?.ToString() == code);
        var made = Made(id, service, form);
        lock (_lock) _createdRequests.Add(made);
        if (service["type"]?.ToString() is "realtime")
            return Answer(format, 200, "service_requests", new JsonArray(new JsonObject { ["service_request_id"] = id, ["service_notice"] = notice }));
        var token = $"tok-{id.ToLowerInvariant()}";
        lock (_lock) _createdTokens.Add(new JsonObject { ["token"] = token, ["service_request_id"] = id });
        return Answer(format, 200, "service_requests", new JsonArray(new JsonObject { ["token"] = token, ["service_notice"] = notice }));
    }

    /// <summary>The request a POST made, as GET requests shows it.</summary>
    private static JsonObject Made(string id, JsonObject service, IReadOnlyDictionary<string, string> form)
    {
        static JsonNode? Number(string? text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var description = form.GetValueOrDefault("description");
        return new JsonObject
        {
            ["service_request_id"] = id,
            ["status"] = "open",
            ["service_name"] = service["service_name"]?.DeepClone(),
            ["service_code"] = service["service_code"]?.DeepClone(),
            ["description"] = description is null ? null : description.Length <= 4000 ? description : description[..4000],
            ["requested_datetime"] = now,
            ["updated_datetime"] = now,
            ["address"] = form.GetValueOrDefault("address_string"),
            ["lat"] = Number(form.GetValueOrDefault("lat")),
            ["long"] = Number(form.GetValueOrDefault("long")),
        };
    }

    private int _created;

    private JsonObject Discovery()
    {
        var document = (JsonObject)data.Discovery.DeepClone();
        foreach (var endpoint in document["endpoints"]?.AsArray().OfType<JsonObject>() ?? [])
            endpoint["url"] = endpoint["url"]?.ToString().Replace("{base_url}", BaseUrl);
        return document;
    }

    /// <summary>GET requests: service_request_id overrides the rest; service_code and status take comma lists.</summary>
    private ReferenceResponse Requests(string format, IReadOnlyDictionary<string, string> query)
    {
        static HashSet<string>? List(IReadOnlyDictionary<string, string> q, string name) =>
            q.GetValueOrDefault(name) is { Length: > 0 } text ? text.Split(',').Select(v => v.Trim()).ToHashSet() : null;
        IEnumerable<JsonObject> matching = AllRequests;
        if (List(query, "service_request_id") is { } ids)
            matching = matching.Where(r => ids.Contains(r["service_request_id"]!.ToString()));
        else
        {
            if (!TryDate(query, "start_date", out var start) || !TryDate(query, "end_date", out var end))
                return Error(format, 400, "start_date and end_date must be date-times with a timezone.");
            if (start is not null && end is not null && end - start > TimeSpan.FromDays(90))
                return Error(format, 400, "start_date and end_date may span at most 90 days.");
            if (List(query, "service_code") is { } codes) matching = matching.Where(r => codes.Contains(r["service_code"]!.ToString()));
            if (List(query, "status") is { } statuses) matching = matching.Where(r => statuses.Contains(r["status"]!.ToString()));
            matching = matching.Where(r => DateTimeOffset.Parse(r["requested_datetime"]!.ToString()) is var made
                                           && (start is null || made >= start) && (end is null || made <= end));
        }
        return Ok(format, "service_requests", new JsonArray(matching.Take(1000).Select(r => (JsonNode)r.DeepClone()).ToArray()));
    }

    private static bool TryDate(IReadOnlyDictionary<string, string> query, string name, out DateTimeOffset? value)
    {
        value = null;
        if (query.GetValueOrDefault(name) is not { Length: > 0 } text) return true; // empty is the same as absent
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    private static ReferenceResponse Ok(string format, string rootName, JsonNode body) => Answer(format, 200, rootName, body);

    private static ReferenceResponse Error(string format, int status, string description) =>
        Answer(format, status, "errors", new JsonArray(new JsonObject { ["code"] = status, ["description"] = description }));

    private static ReferenceResponse Answer(string format, int status, string rootName, JsonNode body) => format == "xml"
        ? new ReferenceResponse(status, body, "text/xml; charset=utf-8") { XmlRoot = rootName }
        : new ReferenceResponse(status, body, "application/json; charset=utf-8");
}
