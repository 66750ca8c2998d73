using System.Net.Sockets;
using System.Net;
using System.Text;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;
using WireMock;

namespace Conformance.Reference;

/// <summary>
/// Serves a reference implementation over HTTP on 127.0.0.1 with WireMock.Net. Every response carries its
/// content type (JSON unless the answer says otherwise) and Access-Control-Allow-Origin: *. The admin interface stays off.
/// </summary>
public sealed class ReferenceServer : IDisposable
{
    private readonly WireMockServer _server;

    private ReferenceServer(WireMockServer server, int port)
    {
        _server = server;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    /// <summary>The reference's own client, where it wants credentials (OAuth2); null for an open one.</summary>
    public ReferenceClient? Client { get; set; }

    /// <summary>What the server received, oldest first (the last 1000), for tests that check what was sent.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _server.LogEntries
        .Select(e => e.RequestMessage)
        .OfType<IRequestMessage>()
        .OrderBy(r => r.DateTime)
        .Select(r => new ReceivedRequest(r.Method, r.Url,
            (r.Headers ?? new Dictionary<string, WireMockList<string>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), r.DateTime))
        .ToList();

    /// <summary>Starts a server whose answers come from <paramref name="handle"/> (method, path, query).</summary>
    /// <param name="admin">Start WireMock's admin interface (/__admin) too: off unless asked for.</param>
    public static ReferenceServer Start(Handler handle, int? port = null, bool admin = false) =>
        Start(request => handle(request.Method, request.Path, WithForm(request)), port, admin);

    /// <summary>Starts a server whose answers come from <paramref name="handle"/>, which sees each request whole.</summary>
    public static ReferenceServer Start(RequestHandler handle, int? port = null, bool admin = false)
    {
        var chosen = port ?? FreePort();
        if (port is not null && !IsFree(chosen))
            throw new ConfigurationException($"Port {chosen} on 127.0.0.1 is already in use; choose another with --port.");
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{chosen}"],
            StartAdminInterface = admin,
            MaxRequestLogCount = 1000,
        });
        server.Given(Request.Create().WithPath(_ => true))
            .RespondWith(Response.Create().WithCallback(request => Answer(request, handle)));
        return new ReferenceServer(server, chosen);
    }

    /// <summary>The query, with a form posted (an allowed write) added to it as parameters.</summary>
    private static IReadOnlyDictionary<string, string> WithForm(ReferenceRequest request)
    {
        if (request.Method != "POST" || request.Body is not { Length: > 0 } form
            || request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded") != true) return request.Query;
        var query = request.Query.ToDictionary();
        foreach (var pair in Form(form)) query[pair.Key] = pair.Value;
        return query;
    }

    /// <summary>The fields of an application/x-www-form-urlencoded body.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(pair => KeyValuePair.Create(Uri.UnescapeDataString(pair[0].Replace('+', ' ')), Uri.UnescapeDataString(pair.ElementAtOrDefault(1)?.Replace('+', ' ') ?? "")));

    private static IResponseMessage Answer(IRequestMessage request, RequestHandler handle)
    {
        var query = (request.Query ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "");
        var received = (request.Headers ?? new Dictionary<string, WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var answer = handle(new ReferenceRequest(request.Method.ToUpperInvariant(), request.Path, query, received, request.Body));
        if (answer.Delay > TimeSpan.Zero) Thread.Sleep(answer.Delay); // a slow server, for timeout tests
        var message = new ResponseMessage { StatusCode = answer.Status };
        var headers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = answer.ContentType ?? "application/json; charset=utf-8",
            ["Access-Control-Allow-Origin"] = "*",
        };
        foreach (var (name, value) in answer.Headers) headers[name] = value;
        if (answer.Gzip) headers["Content-Encoding"] = "gzip";
        foreach (var (name, value) in headers)
            if (value is not null) message.AddHeader(name, value);
        var text = answer.Render();
        if (text is not null && request.Method != "HEAD")
            message.BodyData = answer.Gzip
                ? new BodyData { BodyAsBytes = Compress(Encoding.UTF8.GetBytes(text)), DetectedBodyType = BodyType.Bytes }
                : new BodyData { BodyAsString = text, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        return message;
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
