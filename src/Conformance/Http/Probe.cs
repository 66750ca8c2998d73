using System.Diagnostics;
using RestSharp;

namespace Conformance.Http;

/// <summary>
/// The only way the harness sends HTTP: GET with RestSharp (a form POST, or JSON with PUT or POST, only for a write the
/// user allowed), redirects
/// followed by us and only within the origin, every status accepted, timed by us. Failures to connect become an
/// <see cref="Exchange"/> with a transport error.
/// </summary>
public sealed class Probe : IDisposable
{
    private readonly RestClient _client;
    private readonly ProbeSettings _settings;

    public Probe(ProbeSettings settings)
    {
        settings.Validate(); // nothing is sent with a header that could split the request
        if (settings.MaxBodyBytes is < 1 or > ProbeSettings.MostBodyBytes)
            throw new ConfigurationException($"The body cap must be from 1 byte to {ProbeSettings.MostBodyBytes / ProbeSettings.Megabyte} MB, not {settings.MaxBodyBytes} bytes.");
        _settings = settings;
        _client = new RestClient(new RestClientOptions
        {
            FollowRedirects = false,
            ThrowOnAnyError = false,
            SetErrorExceptionOnUnsuccessfulStatusCode = false,
            Timeout = settings.Timeout,
            UserAgent = null, // sent per request (UserAgent below), so a User-Agent the user gives replaces it rather than joins it
            // Outside the decompressing handler: every body is read there, within the cap, on the decompressed bytes.
            ConfigureMessageHandler = inner => new BodyCap(settings.MaxBodyBytes) { InnerHandler = inner },
        });
    }

    /// <summary>The harness's own User-Agent, unless the user gives one (--header).</summary>
    public const string UserAgent = "conformance/1.0 (+https://github.com/conformance)";

    public int RequestsSent { get; private set; }

    /// <summary>Requests carry the user's credentials or headers that may hold one (so a read can be tried again without them).</summary>
    public bool Credentialed => _settings.SecretHeaders.Any() || _settings.Credentials.Any;

    /// <summary>The names of the headers the user sends with every request (--header).</summary>
    public IEnumerable<string> HeaderNames => _settings.Headers.Select(h => h.Key);

    /// <summary>The pause after a 429 that names none.</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(2);

    /// <summary>How an exchange that could not be sent for want of a token begins its transport error.</summary>
    public const string NoToken = "no OAuth2 token";

    /// <summary>
    /// How an exchange that could not be sent for want of a token of another scope (a check's, not the run's) begins its
    /// transport error: the run goes on, with its own token.
    /// </summary>
    public const string NoScopedToken = "no token of the scope asked";

    /// <summary>Time spent honouring Retry-After over the whole run.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Every value that must not reach a report: credentials and the values of the user's headers that may carry one.</summary>
    public IReadOnlyList<string> Secrets => _settings.Secrets.Distinct().ToList();

    private DateTimeOffset _nextAllowed = DateTimeOffset.MinValue;

    /// <summary>Spaces requests out to the configured rate; the runner sends one request at a time.</summary>
    private async Task PaceAsync(CancellationToken cancel)
    {
        if (_settings.RequestsPerSecond is not { } rate) return;
        var wait = _nextAllowed - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel);
        _nextAllowed = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1 / rate);
    }

    /// <summary>How many redirects a read follows, within the origin it was sent to.</summary>
    public const int MaxRedirects = 3;

    /// <param name="accept">The media type asked for; XML is read as JSON through <paramref name="xml"/>.</param>
    /// <param name="form">A form to POST instead of a GET: only ever a write the user allowed (--allow-writes).</param>
    /// <param name="parameters">The operation's header parameters (given, or taken from the document).</param>
    /// <remarks>
    /// A read that is redirected (301, 302, 303, 307, 308) is followed up to <see cref="MaxRedirects"/> times, only
    /// to the same scheme, host and port (or from http to https on the same host), so credentials and the user's
    /// headers never leave the origin; the final
    /// answer is the one judged and the redirects are recorded. A redirect elsewhere is not followed, and the
    /// exchange says why. A write is never sent again.
    /// </remarks>
    /// <param name="write">JSON to PUT or POST instead of a GET: only ever a write the user allowed (--allow-writes).</param>
    /// <param name="scope">Send a token asked for this scope, not the run's (a check showing a scope is needed); the run's OAuth2 client asks for it.</param>
    public async Task<Exchange> GetAsync(string operation, string purpose, Uri url, bool anonymous, CancellationToken cancel,
        string accept = "application/json", Specs.XmlShape? xml = null, IReadOnlyList<KeyValuePair<string, string>>? form = null,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null, JsonWrite? write = null, string? scope = null)
    {
        var started = DateTimeOffset.UtcNow;
        var credentials = anonymous ? ProbeCredentials.None : _settings.Credentials;
        var oauth = credentials.OAuth2 is { } client && scope is not null ? client.ForScope(scope) : credentials.OAuth2;
        var sentWrite = form is not null || write is not null;
        // The harness's own headers, then the operation's parameters, then the user's, then credentials: each replaces
        // any before it of the same name, so a request never carries two. Without credentials, only plain headers go.
        var headers = new List<KeyValuePair<string, string>>();
        void Set(IEnumerable<KeyValuePair<string, string>> more)
        {
            foreach (var header in more)
            {
                headers.RemoveAll(h => h.Key.Equals(header.Key, StringComparison.OrdinalIgnoreCase));
                headers.Add(header);
            }
        }
        Set([new("Accept", accept)]);
        if (_settings.Origin is not null) Set([new("Origin", _settings.Origin)]);
        Set(parameters ?? []);
        Set(anonymous ? _settings.Headers.Where(h => _settings.IsPlain(h.Key)) : _settings.Headers);
        Set(credentials.Headers);
        if (scope is not null && oauth is null)
            return Unsent(operation, purpose, url, headers, $"{NoScopedToken} ({scope}): the run has no OAuth2 client to ask for one") with { StartedAt = started };
        if (oauth is not null)
        {
            try
            {
                Set([new("Authorization", $"Bearer {await oauth.TokenAsync(cancel)}")]);
            }
            catch (OAuth2Exception e)
            {
                return Unsent(operation, purpose, url, headers, $"{(scope is null ? NoToken : $"{NoScopedToken} ({scope})")}: {e.Message}") with { StartedAt = started };
            }
        }

        var redirects = new List<Redirect>();
        string? notFollowed = null;
        var duration = TimeSpan.Zero;
        var waited = TimeSpan.Zero;
        var current = url;
        Sent sent;
        while (true)
        {
            sent = await SendAsync(current, headers, credentials, oauth, form, write, cancel);
            duration += sent.Duration;
            waited += sent.Waited;
            if (sentWrite || sent.Throttled || (int)sent.Response.StatusCode is not (301 or 302 or 303 or 307 or 308)
                || Header(sent.Response, "Location") is not { } location || !Uri.TryCreate(current, location, out var next))
                break;
            var masked = Redaction.Mask(next.AbsoluteUri, Secrets);
            if (!MayFollow(next, url))
            {
                notFollowed = $"it redirects to {masked}, another origin, and the harness never follows a redirect away from the origin it was given (credentials and headers stay there)";
                break;
            }
            if (redirects.Count == MaxRedirects)
            {
                notFollowed = $"it still redirects (to {masked}) after {MaxRedirects} redirects, as many as the harness follows";
                break;
            }
            redirects.Add(new Redirect((int)sent.Response.StatusCode, masked));
            current = next;
        }

        var response = sent.Response;
        var answered = response.ResponseStatus is ResponseStatus.Completed or ResponseStatus.Error && response.StatusCode != 0;
        return new Exchange
        {
            Operation = operation,
            Purpose = purpose,
            Method = write?.Method ?? (form is null ? "GET" : "POST"),
            Form = form,
            RequestBody = write?.Body is { } json ? System.Text.Encoding.UTF8.GetBytes(json) : null,
            Asked = url,
            Url = credentials.Query is { } q ? $"{url.AbsoluteUri}{(url.Query.Length > 0 ? "&" : "?")}{q.Key}=***" : url.AbsoluteUri,
            RequestHeaders = headers.Select(h => new KeyValuePair<string, string>(h.Key, Shown(h, credentials))).ToList(),
            Status = answered ? (int)response.StatusCode : null,
            ResponseHeaders = (response.Headers ?? []).Concat(response.ContentHeaders ?? [])
                .Where(h => h.Name is not null)
                .Select(h => new KeyValuePair<string, string>(h.Name!, h.Value?.ToString() ?? "")).ToList(),
            Body = sent.Body?.Bytes ?? [],
            BodyCutAt = sent.Body?.CutAt,
            ContentType = response.ContentHeaders?.FirstOrDefault(h => "Content-Type".Equals(h.Name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString()
                          ?? response.ContentType,
            StartedAt = started,
            Duration = duration,
            Waited = waited,
            Throttled = sent.Throttled,
            TransportError = answered ? null : Describe(response),
            Anonymous = anonymous || !Credentialed,
            Xml = xml,
            Redirects = redirects,
            RedirectNotFollowed = notFollowed,
        };
    }

    /// <summary>One request's answer and its body (null when none came) after any pauses the server asked for, and how long it all took.</summary>
    private sealed record Sent(RestResponse Response, CappedBody? Body, TimeSpan Duration, TimeSpan Waited, bool Throttled);

    /// <summary>
    /// Sends one request to one URL: a lapsed OAuth2 token is renewed once on 401, and 429 (or 503 with
    /// Retry-After) is waited out within bounds. A write is never sent twice.
    /// </summary>
    private async Task<Sent> SendAsync(Uri url, List<KeyValuePair<string, string>> headers, ProbeCredentials credentials,
        OAuth2ClientCredentials? oauth, IReadOnlyList<KeyValuePair<string, string>>? form, JsonWrite? write, CancellationToken cancel)
    {
        var once = form is not null || write is not null; // a write is never sent twice
        var body = new BodyTaker();
        // A key the server already echoed into a redirect's Location is not sent twice.
        var exact = credentials.Query is { } key && !HasQueryParameter(url, key.Key)
            ? ExactUrl.Of($"{url.AbsoluteUri}{(url.Query.Length > 0 ? "&" : "?")}{Uri.EscapeDataString(key.Key)}={Uri.EscapeDataString(key.Value)}")
            : ExactUrl.Of(url.AbsoluteUri);
        var request = new RestRequest(exact, write is not null ? JsonWrite.MethodOf(write) : form is null ? Method.Get : Method.Post)
        {
            // BodyCap has read the body already, within the cap: it is taken from there as it is, so RestSharp
            // neither buffers it again, nor copies it, nor decodes it as text.
            CompletionOption = HttpCompletionOption.ResponseHeadersRead,
            Interceptors = [body, new SentAsBuilt(exact)],
            ResponseWriter = _ => null,
        };
        foreach (var (name, value) in form ?? []) request.AddParameter(name, value, ParameterType.GetOrPost);
        if (write is not null) request.AddStringBody(write.Body, "application/json");
        foreach (var (name, value) in headers) request.AddHeader(name, value);
        if (!headers.Any(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase))) request.AddHeader("User-Agent", UserAgent);

        RestResponse response;
        var clock = new Stopwatch();
        var waited = TimeSpan.Zero;
        var throttled = false;
        for (var attempt = 0; ; attempt++)
        {
            await PaceAsync(cancel);
            RequestsSent++;
            clock.Restart();
            body.Body = null;
            response = await _client.ExecuteAsync(request, cancel);
            clock.Stop();
            cancel.ThrowIfCancellationRequested();
            // A 401 with a token that may just have lapsed: fetch a new one and ask once more.
            if ((int)response.StatusCode == 401 && oauth is { } renew && attempt == 0 && !once)
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
            if (once || attempt >= _settings.MaxRetries || wait > _settings.MaxRetryWait) break;
            throttled = false;
            var pause = wait.Value;
            await Task.Delay(pause, cancel);
            waited += pause;
            Waited += pause;
        }
        return new Sent(response, body.Body, clock.Elapsed, waited, throttled);
    }

    /// <summary>Takes the body <see cref="BodyCap"/> read from the response message, where RestSharp would read it again.</summary>
    private sealed class BodyTaker : RestSharp.Interceptors.Interceptor
    {
        public CappedBody? Body { get; set; }

        public override ValueTask AfterHttpRequest(HttpResponseMessage message, CancellationToken cancel)
        {
            Body = message.Content as CappedBody;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Puts the URL on the request message as the harness built it: RestSharp makes its Uri again from text, and .NET
    /// would then read %2E%2E in it as ".." and take a segment off (<see cref="ExactUrl"/>).
    /// </summary>
    private sealed class SentAsBuilt(Uri url) : RestSharp.Interceptors.Interceptor
    {
        public override ValueTask BeforeHttpRequest(HttpRequestMessage message, CancellationToken cancel)
        {
            message.RequestUri = url;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Where the harness may send what it was given: the same origin (RFC 6454 §4), or the same host moved from
    /// http to https on the default ports (what was sent in clear to that host may go to it encrypted).
    /// </summary>
    public static bool MayFollow(Uri next, Uri given) =>
        next.Host.Equals(given.Host, StringComparison.OrdinalIgnoreCase)
        && ((next.Scheme.Equals(given.Scheme, StringComparison.OrdinalIgnoreCase) && next.Port == given.Port)
            || (given.Scheme == Uri.UriSchemeHttp && next.Scheme == Uri.UriSchemeHttps && given.IsDefaultPort && next.IsDefaultPort));

    private static bool HasQueryParameter(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&').Any(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]) == name);

    private static string? Header(RestResponse response, string name) =>
        (response.Headers ?? []).FirstOrDefault(h => name.Equals(h.Name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

    private Exchange Unsent(string operation, string purpose, Uri url, List<KeyValuePair<string, string>> headers, string reason) => new()
    {
        Operation = operation, Purpose = purpose, Method = "GET", Url = url.AbsoluteUri,
        RequestHeaders = headers.Select(h => new KeyValuePair<string, string>(h.Key, Shown(h, _settings.Credentials))).ToList(),
        TransportError = reason, Anonymous = false,
    };

    /// <summary>
    /// A request header as evidence shows it: a credential's value, and any header of the user's that may carry one,
    /// masked; the harness's own headers and plain ones (Accept, declared header parameters) as sent.
    /// </summary>
    private string Shown(KeyValuePair<string, string> header, ProbeCredentials credentials) =>
        credentials.Headers.Any(c => c.Key.Equals(header.Key, StringComparison.OrdinalIgnoreCase))
        || credentials.Secrets.Contains(header.Value)
        || (_settings.Headers.Any(h => h.Key.Equals(header.Key, StringComparison.OrdinalIgnoreCase)) && !_settings.IsPlain(header.Key))
        || header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
            ? Redaction.Masked : header.Value;

    /// <summary>Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(RestResponse response)
    {
        if (Header(response, "Retry-After") is not { } value) return null;
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
