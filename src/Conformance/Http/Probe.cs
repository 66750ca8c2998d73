using System.Diagnostics;
using RestSharp;

namespace Conformance.Http;

/// <summary>
/// The only way the harness sends HTTP: GET with RestSharp (POST only for a write the user allowed), no
/// redirects followed, every status accepted, timed by us. Failures to connect become an
/// <see cref="Exchange"/> with a transport error.
/// </summary>
public sealed class Probe : IDisposable
{
    private readonly RestClient _client;
    private readonly ProbeSettings _settings;

    public Probe(ProbeSettings settings)
    {
        _settings = settings;
        _client = new RestClient(new RestClientOptions
        {
            FollowRedirects = false,
            ThrowOnAnyError = false,
            SetErrorExceptionOnUnsuccessfulStatusCode = false,
            Timeout = settings.Timeout,
            UserAgent = "conformance/1.0 (+https://github.com/conformance)",
        });
    }

    public int RequestsSent { get; private set; }

    /// <summary>The pause after a 429 that names none.</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(2);

    /// <summary>How an exchange that could not be sent for want of a token begins its transport error.</summary>
    public const string NoToken = "no OAuth2 token";

    /// <summary>Time spent honouring Retry-After over the whole run.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Every value that must not reach a report: credentials and the values of the user's headers.</summary>
    public IReadOnlyList<string> Secrets => _settings.Credentials.Secrets.Concat(_settings.Headers.Select(h => h.Value)).Distinct().ToList();

    private DateTimeOffset _nextAllowed = DateTimeOffset.MinValue;

    /// <summary>Spaces requests out to the configured rate; the runner sends one request at a time.</summary>
    private async Task PaceAsync(CancellationToken cancel)
    {
        if (_settings.RequestsPerSecond is not { } rate) return;
        var wait = _nextAllowed - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel);
        _nextAllowed = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1 / rate);
    }

    /// <param name="accept">The media type asked for; XML is read as JSON through <paramref name="xml"/>.</param>
    /// <param name="form">A form to POST instead of a GET: only ever a write the user allowed (--allow-writes).</param>
    public async Task<Exchange> GetAsync(string operation, string purpose, Uri url, bool anonymous, CancellationToken cancel,
        string accept = "application/json", Specs.XmlShape? xml = null, string? ownedBy = null,
        IReadOnlyList<KeyValuePair<string, string>>? form = null)
    {
        var request = new RestRequest(url, form is null ? Method.Get : Method.Post);
        foreach (var (name, value) in form ?? []) request.AddParameter(name, value, ParameterType.GetOrPost);
        var headers = new List<KeyValuePair<string, string>> { new("Accept", accept) };
        if (_settings.Origin is not null) headers.Add(new("Origin", _settings.Origin));
        var credentials = anonymous ? ProbeCredentials.None : _settings.Credentials;
        if (!anonymous) headers.AddRange(_settings.Headers.Concat(credentials.Headers));
        if (credentials.OAuth2 is { } oauth)
        {
            try
            {
                headers.Add(new("Authorization", $"Bearer {await oauth.TokenAsync(cancel)}"));
            }
            catch (OAuth2Exception e)
            {
                return Unsent(operation, purpose, url, headers, $"{NoToken}: {e.Message}");
            }
        }
        foreach (var (name, value) in headers) request.AddHeader(name, value);
        if (credentials.Query is { } key) request.AddQueryParameter(key.Key, key.Value);

        RestResponse response;
        var clock = new Stopwatch();
        var waited = TimeSpan.Zero;
        var throttled = false;
        for (var attempt = 0; ; attempt++)
        {
            await PaceAsync(cancel);
            RequestsSent++;
            clock.Restart();
            response = await _client.ExecuteAsync(request, cancel);
            clock.Stop();
            cancel.ThrowIfCancellationRequested();
            // A 401 with a token that may just have lapsed: fetch a new one and ask once more.
            if ((int)response.StatusCode == 401 && credentials.OAuth2 is { } renew && attempt == 0 && form is null)
            {
                try
                {
                    var fresh = await renew.TokenAsync(cancel, force: true);
                    request.AddOrUpdateHeader("Authorization", $"Bearer {fresh}");
                    continue;
                }
                catch (OAuth2Exception) { break; }
            }
            // 429, or 503 with Retry-After: the server asks for a pause (throttling is allowed). Honour it, bounded,
            // then ask again; a write is never sent twice.
            var status = (int)response.StatusCode;
            if (status is not (429 or 503)) break;
            var wait = RetryAfter(response) ?? (status == 429 ? DefaultThrottleWait : null);
            if (wait is null) break; // a 503 that asks for nothing is a server error
            throttled = true;
            if (form is not null || attempt >= _settings.MaxRetries || wait > _settings.MaxRetryWait) break;
            throttled = false;
            var pause = wait.Value;
            await Task.Delay(pause, cancel);
            waited += pause;
            Waited += pause;
        }

        var answered = response.ResponseStatus is ResponseStatus.Completed or ResponseStatus.Error && response.StatusCode != 0;
        return new Exchange
        {
            Operation = operation,
            Purpose = purpose,
            Method = form is null ? "GET" : "POST",
            Url = credentials.Query is { } q ? $"{url.AbsoluteUri}{(url.Query.Length > 0 ? "&" : "?")}{q.Key}=***" : url.AbsoluteUri,
            RequestHeaders = headers.Select(h => new KeyValuePair<string, string>(h.Key,
                credentials.Secrets.Contains(h.Value) || (!anonymous && Redaction.IsSensitive(h.Key)) ? "***" : h.Value)).ToList(),
            Status = answered ? (int)response.StatusCode : null,
            ResponseHeaders = (response.Headers ?? []).Concat(response.ContentHeaders ?? [])
                .Where(h => h.Name is not null)
                .Select(h => new KeyValuePair<string, string>(h.Name!, h.Value?.ToString() ?? "")).ToList(),
            Body = response.RawBytes ?? [],
            ContentType = response.ContentHeaders?.FirstOrDefault(h => "Content-Type".Equals(h.Name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString()
                          ?? response.ContentType,
            Duration = clock.Elapsed,
            Waited = waited,
            Throttled = throttled,
            TransportError = answered ? null : Describe(response),
            Anonymous = anonymous || (_settings.Headers.Count == 0 && !_settings.Credentials.Any),
            Xml = xml,
            OwnedBy = ownedBy,
        };
    }

    private Exchange Unsent(string operation, string purpose, Uri url, List<KeyValuePair<string, string>> headers, string reason) => new()
    {
        Operation = operation, Purpose = purpose, Method = "GET", Url = url.AbsoluteUri,
        RequestHeaders = headers.Select(h => new KeyValuePair<string, string>(h.Key, Redaction.IsSensitive(h.Key) ? "***" : h.Value)).ToList(),
        TransportError = reason, Anonymous = false,
    };

    /// <summary>Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(RestResponse response)
    {
        var value = (response.Headers ?? []).FirstOrDefault(h => "Retry-After".Equals(h.Name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
        if (value is null) return null;
        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? (at - DateTimeOffset.UtcNow) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero
            : null;
    }

    private string Describe(RestResponse response)
    {
        if (response.ResponseStatus == ResponseStatus.TimedOut || response.ErrorException is TimeoutException or TaskCanceledException)
            return $"no answer within {_settings.Timeout.TotalSeconds:0.#} s";
        var inner = response.ErrorException;
        while (inner?.InnerException is not null) inner = inner.InnerException;
        return inner?.Message ?? response.ErrorMessage ?? "no answer";
    }

    public void Dispose() => _client.Dispose();
}
