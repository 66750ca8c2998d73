namespace Conformance.Http;

/// <summary>How the harness talks to a vendor: timeout, body cap and the user's extra headers (e.g. an API key).</summary>
public sealed record ProbeSettings
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// The most of a response body the harness reads, in bytes as decompressed (--max-body): a body that goes on
    /// past it is cut, kept only as evidence and not judged (<see cref="Exchange.BodyCutAt"/>).
    /// </summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;
    public const long DefaultMaxBodyBytes = 20 * Megabyte;
    /// <summary>The megabyte of --max-body and of the messages that name the cap.</summary>
    public const long Megabyte = 1024 * 1024;
    /// <summary>The largest cap there can be: a body is held in one array.</summary>
    public const long MostBodyBytes = 2000 * Megabyte;
    /// <summary>The user's headers (--header), sent with every request in place of the harness's own of the same name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>
    /// Header names whose values are shown as given: those known never to carry a credential, and the header parameters
    /// the spec declares outside its security schemes. Every other header the user gives is a secret.
    /// </summary>
    public IReadOnlySet<string> PlainHeaders { get; init; } = KnownPlainHeaders;

    /// <summary>Headers that never carry a credential.</summary>
    public static readonly IReadOnlySet<string> KnownPlainHeaders = new HashSet<string>(
        ["Accept", "Accept-Language", "Accept-Encoding", "Content-Type", "User-Agent", "If-None-Match", "If-Modified-Since"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the value of a header of this name is shown as given.</summary>
    public bool IsPlain(string header) => PlainHeaders.Contains(header) || KnownPlainHeaders.Contains(header);

    /// <summary>The user's headers that may carry a credential: their values are secrets, and a request without them is anonymous.</summary>
    public IEnumerable<KeyValuePair<string, string>> SecretHeaders => Headers.Where(h => !IsPlain(h.Key));

    /// <summary>Every value that must not reach a report: credentials and the values of the user's headers that may carry one.</summary>
    public IEnumerable<string> Secrets => Credentials.Secrets.Concat(SecretHeaders.Select(h => h.Value));
    /// <summary>Credentials from a vendor profile; their values never reach a report.</summary>
    public ProbeCredentials Credentials { get; init; } = ProbeCredentials.None;
    /// <summary>At most this many requests a second (null: as fast as the server answers).</summary>
    public double? RequestsPerSecond { get; init; }
    /// <summary>429 or 503 with Retry-After: how many times to wait and ask again, and the longest wait honoured.</summary>
    public int MaxRetries { get; init; } = 2;
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Sent on every request, as a browser would, so CORS headers can be judged; null sends none (a server
    /// with an origin allow-list may refuse an unknown origin, which only matters where CORS is a rule).
    /// </summary>
    public string? Origin { get; init; } = "https://conformance.invalid";

    /// <summary>
    /// Refuses, before any request, what could only go wrong on the wire: a header or credential holding a control
    /// character (CR or LF would split the request and inject a header; NUL ends it). The value is never echoed.
    /// </summary>
    public void Validate()
    {
        foreach (var (name, value) in Headers.Concat(Credentials.Headers))
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || "-_.!#$%&'*+^`|~".Contains(c)))
                throw new ConfigurationException($"A header name must be letters, digits and -_.!#$%&'*+^`|~ only; '{Printable(name)}' is refused.");
            if (HasControl(value))
                throw new ConfigurationException($"The value of header '{name}' holds a control character (CR, LF or NUL): it is refused before any request, and not shown.");
        }
        if (Credentials.Query is { } key && (HasControl(key.Key) || HasControl(key.Value)))
            throw new ConfigurationException($"The API key for query parameter '{Printable(key.Key)}' holds a control character: it is refused before any request, and not shown.");
        if (Credentials.OAuth2 is { } oauth && (HasControl(oauth.ClientId) || HasControl(oauth.ClientSecret)))
            throw new ConfigurationException("The OAuth2 client id or secret holds a control character: it is refused before any request, and not shown.");
    }

    /// <summary>Control characters may not be sent in a header; a tab may (RFC 9110 §5.5).</summary>
    public static bool HasControl(string value) => value.Any(c => (c < ' ' && c != '\t') || c == '\u007f');

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).Take(40).ToArray());

    /// <summary>A cap given in megabytes (--max-body, a vendor profile's max_body_mb), or the default when none is.</summary>
    public static long FromMegabytes(int? megabytes) => megabytes is { } mb ? mb * Megabyte : DefaultMaxBodyBytes;

    /// <summary>A size as the messages say it: "20 MB", or bytes below a megabyte.</summary>
    public static string Describe(long bytes) =>
        bytes % Megabyte == 0 ? $"{bytes / Megabyte} MB"
        : bytes >= Megabyte ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (double)Megabyte:0.#} MB")
        : $"{bytes} bytes";
}
