using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Reference.Defects;

/// <summary>
/// A small reporting client of Open311 GeoReport v2, as a supplier might write one over HttpClient, whose behaviour the
/// catalogue bends one way at a time: as it stands it reads the service types, the definition of one with metadata,
/// posts a service request as a form with a location and every required attribute, and reads it back by its id (or
/// token); it waits as long as a 429's Retry-After says and asks again after a 503 at most five times, backing off.
/// Each property set otherwise is one defect of a client (<see cref="ClientDefects"/>).
/// </summary>
public sealed record Open311Client
{
    private const string Format = "json";
    public bool SendsApiKey { get; init; } = true;
    /// <summary>Posts the service request as JSON (labelled application/json) instead of a form.</summary>
    public bool PostsJson { get; init; }
    /// <summary>Posts for this service code instead of the one whose definition it read.</summary>
    public string? PostsServiceCode { get; init; }
    public bool GivesRequiredAttributes { get; init; } = true;
    public bool WaitsRetryAfter { get; init; } = true;
    /// <summary>Asks again after a 503 at once, until it succeeds (a storm), rather than a few times backing off.</summary>
    public bool StormsOn503 { get; init; }
    /// <summary>Stops after reading the definition: it never posts, so never completes the scenario.</summary>
    public bool StopsBeforePosting { get; init; }
    /// <summary>Reads the request back at /request/{id} (the published Swagger's path), not /requests/{id}.</summary>
    public bool ReadsBackSingular { get; init; }
    /// <summary>Writes lat and long with a decimal comma (a locale's number format).</summary>
    public bool CommaDecimals { get; init; }

    public async Task RunAsync(StandInAddress standIn, CancellationToken cancel = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var jurisdiction = standIn.Values.GetValueOrDefault("jurisdiction_id");
        string At(string path, params (string Name, string Value)[] query) =>
            new Uri(standIn.Url, path.TrimStart('/')) + Query([.. query, .. jurisdiction is null ? [] : new[] { ("jurisdiction_id", jurisdiction) }]);

        var services = await ReadAsync(http, () => new HttpRequestMessage(HttpMethod.Get, At($"services.{Format}")), cancel);
        var service = services?.AsArray().OfType<JsonObject>().FirstOrDefault(s => s["metadata"]?.GetValue<bool>() == true);
        if (service?["service_code"]?.ToString() is not { } code) return;
        var definition = await ReadAsync(http, () => new HttpRequestMessage(HttpMethod.Get, At($"services/{Uri.EscapeDataString(code)}.{Format}")), cancel);
        if (definition is null || StopsBeforePosting) return;

        var form = new List<(string, string)>
        {
            ("service_code", PostsServiceCode ?? code),
            ("lat", Coordinate(50.7201)), ("long", Coordinate(-1.88)),
            ("description", "A pothole by the bus stop, about a hand deep."),
            ("email", "reporter@example.org"),
        };
        if (jurisdiction is not null) form.Add(("jurisdiction_id", jurisdiction));
        if (SendsApiKey && standIn.Credentials.TryGetValue("api_key", out var key)) form.Add(("api_key", key));
        if (GivesRequiredAttributes) form.AddRange(Attributes(definition));
        var created = await ReadAsync(http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(standIn.Url, $"requests.{Format}"))
        {
            Content = PostsJson
                ? new StringContent(new JsonObject(form.Select(f => KeyValuePair.Create(f.Item1, (JsonNode?)f.Item2))).ToJsonString(), Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Item1, f.Item2))),
        }, cancel);
        if (created?.AsArray().FirstOrDefault() is not JsonObject made) return;
        var id = made["service_request_id"]?.ToString();
        if (id is null && made["token"]?.ToString() is { } token)
            id = (await ReadAsync(http, () => new HttpRequestMessage(HttpMethod.Get, At($"tokens/{Uri.EscapeDataString(token)}.{Format}")), cancel))?
                .AsArray().OfType<JsonObject>().FirstOrDefault()?["service_request_id"]?.ToString();
        if (id is null) return;
        await ReadAsync(http, () => new HttpRequestMessage(HttpMethod.Get, At($"{(ReadsBackSingular ? "request" : "requests")}/{Uri.EscapeDataString(id)}.{Format}")), cancel);
    }

    /// <summary>A value for every required attribute the definition asks the reporter for: a list's first key, else a plain value.</summary>
    private static IEnumerable<(string, string)> Attributes(JsonNode definition)
    {
        foreach (var attribute in definition["attributes"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (attribute["variable"]?.GetValue<bool>() == false || attribute["required"]?.GetValue<bool>() != true) continue;
            var code = attribute["code"]!.ToString();
            var first = attribute["values"]?.AsArray().OfType<JsonObject>().FirstOrDefault()?["key"]?.ToString();
            yield return attribute["datatype"]?.ToString() switch
            {
                "multivaluelist" => ($"attribute[{code}][]", first ?? ""),
                "singlevaluelist" => ($"attribute[{code}]", first ?? ""),
                "number" => ($"attribute[{code}]", "1"),
                "datetime" => ($"attribute[{code}]", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                _ => ($"attribute[{code}]", "12"),
            };
        }
    }

    private string Coordinate(double degrees) =>
        degrees.ToString("0.0000", CommaDecimals ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends a request (made afresh for each try) and reads its JSON answer; null when it did not succeed. A 429 is waited
    /// out as its Retry-After says; a 503 is asked again up to five times, half a second then twice as long each time.
    /// </summary>
    private async Task<JsonNode?> ReadAsync(HttpClient http, Func<HttpRequestMessage> make, CancellationToken cancel)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        for (var tries = 0; tries < (StormsOn503 ? 1000 : 8); tries++)
        {
            using var response = await http.SendAsync(make(), cancel);
            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    if (WaitsRetryAfter && response.Headers.RetryAfter?.Delta is { } wait) await Task.Delay(wait, cancel);
                    continue;
                case HttpStatusCode.ServiceUnavailable when StormsOn503:
                    await Task.Delay(TimeSpan.FromMilliseconds(10), cancel);
                    continue;
                case HttpStatusCode.ServiceUnavailable when tries < 5:
                    await Task.Delay(backoff, cancel);
                    backoff *= 2;
                    continue;
            }
            if (!response.IsSuccessStatusCode) return null;
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel));
        }
        return null;
    }

    private static string Query(IEnumerable<(string Name, string Value)> pairs)
    {
        var text = string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return text.Length == 0 ? "" : "?" + text;
    }
}
