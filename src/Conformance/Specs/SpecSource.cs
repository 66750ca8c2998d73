using System.Net.Sockets;
using System.Net;
using System.Text;

namespace Conformance.Specs;

/// <summary>
/// Reads a spec and the documents it refers to, only where <see cref="FetchPolicy"/> allows. Files and downloads are
/// read as streams and stopped at the policy's size cap. A download follows redirects itself, and connects only to
/// addresses its host resolved to and the policy accepted: the address checked is the address connected to.
/// </summary>
public sealed class SpecSource(FetchPolicy policy)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly HttpRequestOptionsKey<AddressGuard> Guard = new("conformance.spec-address-guard");

    // One client for spec downloads, as .NET recommends; it holds no run state (each request carries its own guard).
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, // followed here, each hop judged by the policy
        UseProxy = false, // through a proxy, the address checked would be the proxy's, not the one reached
        ConnectCallback = ConnectAsync,
    }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }; // each download has its own deadline, body included

    public static Uri ToUri(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri
            : new UriBuilder { Scheme = Uri.UriSchemeFile, Host = "", Path = Path.GetFullPath(pathOrUrl) }.Uri; // explicit: '#' in a $ref stays a fragment

    /// <summary>
    /// The spec itself, from the path or URL the user gave (a URL --ref-map maps is read from its folder), where it came
    /// from, and how it was downloaded (null when read from a file).
    /// </summary>
    public (string Text, SpecOrigin Origin, DocumentFetch? Fetch) ReadSpec(Uri location)
    {
        if (location.IsFile) return (ReadFile(location.LocalPath, location), new SpecOrigin(location, null), null);
        if (policy.RefMap.MapToFile(location) is { } mapped) return (ReadFile(mapped, location), new SpecOrigin(location, null), null);
        var (text, scope, fetch) = Download(location, spec: null, namedBy: null);
        return (text, new SpecOrigin(location, scope), fetch);
    }

    /// <summary>
    /// A document a server names (an ORUK / document's openapi_url), which the user did not choose: read from a --ref-map
    /// folder where one maps it, else downloaded only from a public address, from the naming server's own origin, or from
    /// a private host --allow-remote-refs names (<see cref="FetchPolicy.RefuseNamedAddress"/>); never a local file.
    /// </summary>
    public (string Text, SpecOrigin Origin, DocumentFetch? Fetch) ReadNamed(Uri location, Uri namedBy)
    {
        if (policy.RefMap.MapToFile(location) is { } mapped) return (ReadFile(mapped, location), new SpecOrigin(location, null), null);
        if (location.Scheme is not ("http" or "https"))
            throw new SpecLoadException($"'{location}' was not read: a document a server names is only ever fetched over http or https, never read from a local file.");
        var (text, scope, fetch) = Download(location, spec: null, namedBy);
        return (text, new SpecOrigin(location, scope), fetch);
    }

    /// <summary>A document the spec refers to, from where the policy allows, or a <see cref="SpecLoadException"/> saying why not.</summary>
    public string ReadReferenced(Uri uri, SpecOrigin spec) =>
        policy.Locate(uri, spec) is { } file ? ReadFile(file, uri) : Download(uri, spec, namedBy: null).Text;

    private string ReadFile(string path, Uri uri)
    {
        if (!File.Exists(path))
            throw new SpecLoadException($"Cannot read '{uri}': file '{path}' does not exist.");
        try
        {
            if (new FileInfo(path).Length > policy.MaxDocumentBytes) throw TooLarge(uri);
            using var stream = File.OpenRead(path);
            return ReadCappedAsync(stream, uri, null, CancellationToken.None).GetAwaiter().GetResult().Text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecLoadException($"Cannot read '{uri}': {e.Message}", e);
        }
    }

    private (string Text, AddressScope Scope, DocumentFetch Fetch) Download(Uri url, SpecOrigin? spec, Uri? namedBy)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            return DownloadAsync(url, spec, namedBy, deadline.Token).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e) when (e.InnerException is SpecLoadException refused)
        {
            throw new SpecLoadException(refused.Message, e); // the policy refused an address before connecting
        }
        catch (HttpRequestException e)
        {
            throw new SpecLoadException($"Cannot read '{url}': {e.Message}", e);
        }
        catch (OperationCanceledException e)
        {
            throw new SpecLoadException($"Cannot read '{url}': no whole answer within {Timeout.TotalSeconds:0} s.", e);
        }
    }

    private async Task<(string, AddressScope, DocumentFetch)> DownloadAsync(Uri url, SpecOrigin? spec, Uri? namedBy, CancellationToken cancel)
    {
        AddressScope? first = null;
        var current = url;
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var followed = new List<(int, Uri)>();
        for (var redirects = 0; ; redirects++)
        {
            var guard = new AddressGuard(policy, current, spec, first, namedBy);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.ConnectionClose = true; // a pooled connection would skip the address check
            request.Options.Set(Guard, guard);
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            first ??= guard.Reached;
            if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
            {
                if (response.Headers.Location is not { } location)
                    throw new SpecLoadException($"Cannot read '{url}': '{current}' redirects without saying where to.");
                var next = new Uri(current, location);
                if (redirects == FetchPolicy.MaxRedirects)
                    throw new SpecLoadException($"Cannot read '{url}': it still redirects after {FetchPolicy.MaxRedirects} redirects, as many as a download follows.");
                policy.CheckRedirect(current, next, spec);
                followed.Add(((int)response.StatusCode, next));
                current = next;
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new SpecLoadException($"Cannot read '{url}': the server answered {(int)response.StatusCode}.") { DocumentFault = true };
            if (response.Content.Headers.ContentLength > policy.MaxDocumentBytes) throw TooLarge(url);
            var charset = response.Content.Headers.ContentType?.CharSet;
            await using var stream = await response.Content.ReadAsStreamAsync(cancel);
            var (text, bytes) = await ReadCappedAsync(stream, url, charset, cancel);
            return (text, first!.Value, new DocumentFetch(url, current, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(),
                followed, started, clock.Elapsed, bytes));
        }
    }

    /// <summary>The text of a stream, which is refused once it passes the cap: a 50 MB document is never read whole.</summary>
    private async Task<(string Text, byte[] Bytes)> ReadCappedAsync(Stream stream, Uri uri, string? charset, CancellationToken cancel)
    {
        var bytes = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            if (bytes.Length + read > policy.MaxDocumentBytes) throw TooLarge(uri);
            bytes.Write(chunk, 0, read);
        }
        bytes.Position = 0;
        using var reader = new StreamReader(bytes, EncodingOf(charset), detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancel), bytes.ToArray());
    }

    private static Encoding EncodingOf(string? charset)
    {
        try
        {
            return charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private SpecLoadException TooLarge(Uri uri) =>
        new($"'{uri}' is larger than {(policy.MaxDocumentBytes >= 1024 * 1024 ? $"{policy.MaxDocumentBytes / (1024 * 1024.0):0.#} MB" : $"{policy.MaxDocumentBytes} bytes")}, the most a spec or a document it refers to may be; it was not read further.");

    /// <summary>Resolves the host, has the policy judge every address, then connects to those addresses and no others.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(Guard, out var guard))
            throw new InvalidOperationException("A spec download was sent without its address guard.");
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancel);
        guard.Check(addresses);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancel);
            guard.Reached = AddressScopes.Of(((IPEndPoint)socket.RemoteEndPoint!).Address);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class AddressGuard(FetchPolicy policy, Uri url, SpecOrigin? spec, AddressScope? specScope, Uri? namedBy)
    {
        public AddressScope? Reached { get; set; }

        public void Check(IPAddress[] addresses)
        {
            if (addresses.Length == 0) throw new SpecLoadException($"Cannot read '{url}': its host has no address.");
            // Every address, not only the first: a name that also resolves to this machine is not to be trusted with any.
            foreach (var address in addresses)
                if ((namedBy is null ? policy.RefuseAddress(url, address, spec, specScope) : policy.RefuseNamedAddress(url, address, namedBy)) is { } refusal)
                    throw new SpecLoadException(refusal);
        }
    }
}
