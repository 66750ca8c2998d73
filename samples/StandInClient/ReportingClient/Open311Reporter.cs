using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ReportingClient;

/// <summary>
/// Sends a problem to a council's Open311 GeoReport v2 endpoint: finds the service type, reads its definition, posts the
/// report as a form with its required attributes, and reads the new request back. Polite to a busy server: it waits as a
/// 429's Retry-After says, and retries a 503 a few times, backing off.
/// </summary>
public sealed class Open311Reporter(HttpClient http, Uri endpoint, string apiKey, string? jurisdiction = null)
{
    public async Task<string> ReportAsync(string serviceCode, double lat, double lon, string description, CancellationToken cancel = default)
    {
        var services = await GetAsync<JsonArray>("services.json", cancel);
        if (services.All(s => s?["service_code"]?.ToString() != serviceCode)) throw new InvalidOperationException($"The council offers no '{serviceCode}'.");
        var definition = await GetAsync<JsonObject>($"services/{Uri.EscapeDataString(serviceCode)}.json", cancel);

        var form = new Dictionary<string, string>
        {
            ["api_key"] = apiKey,
            ["service_code"] = serviceCode,
            ["lat"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["long"] = lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["description"] = description,
        };
        if (jurisdiction is not null) form["jurisdiction_id"] = jurisdiction;
        foreach (var attribute in definition["attributes"]?.AsArray().OfType<JsonObject>() ?? [])
            if (attribute["required"]?.GetValue<bool>() == true && attribute["variable"]?.GetValue<bool>() != false)
                form[$"attribute[{attribute["code"]}]"] = attribute["values"]?[0]?["key"]?.ToString() ?? "unknown";

        using var posted = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "requests.json")) { Content = new FormUrlEncodedContent(form) }, cancel);
        var created = (await posted.Content.ReadFromJsonAsync<JsonArray>(cancel))![0]!;
        var id = created["service_request_id"]?.ToString()
                 ?? (await GetAsync<JsonArray>($"tokens/{Uri.EscapeDataString(created["token"]!.ToString())}.json", cancel))[0]!["service_request_id"]!.ToString();
        await GetAsync<JsonArray>($"requests/{Uri.EscapeDataString(id)}.json", cancel);
        return id;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancel)
    {
        var query = jurisdiction is null ? "" : $"?jurisdiction_id={Uri.EscapeDataString(jurisdiction)}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path + query)), cancel);
        return (await response.Content.ReadFromJsonAsync<T>(cancel))!;
    }

    /// <summary>Waits out a 429 as Retry-After says; retries a 503 up to four times, one second first, then twice as long.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancel)
    {
        var backoff = TimeSpan.FromSeconds(1);
        for (var retries = 0; ; retries++)
        {
            var response = await http.SendAsync(request(), cancel);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait && retries < 4)
                await Task.Delay(wait, cancel);
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && retries < 4)
                await Task.Delay(backoff *= 2, cancel);
            else return response.EnsureSuccessStatusCode();
            response.Dispose();
        }
    }
}
