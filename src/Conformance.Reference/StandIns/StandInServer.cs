using System.Net;
using System.Net.Sockets;
using Conformance.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Reference.StandIns;

/// <summary>
/// Serves a stand-in session with WireMock.Net's host, facing software the harness does not control. Each request is
/// taken whole, exactly as sent (the raw target, the body read up to the session's cap: a longer one is refused with
/// 413 and its start kept as evidence), by the stand-in's own step in the pipeline, ahead of WireMock's matching, which
/// it never needs; the session answers it. The host's limits keep a slow or malformed client from holding it: headers
/// within 10 s, a body at a minimal rate, at most 64 connections, 32 KB of headers; bytes that are not HTTP get 400.
/// WireMock's request body decompression and parsing are off (a compressed body is kept as sent, never inflated).
/// </summary>
public sealed class StandInServer : IDisposable
{
    private readonly WireMockServer _server;

    private StandInServer(WireMockServer server, Uri url)
    {
        _server = server;
        Url = url;
    }

    public Uri Url { get; }

    public static StandInServer Start(StandInSession session, IPAddress listen, int? port)
    {
        var chosen = port ?? FreePort(listen);
        if (port is not null && !IsFree(listen, chosen))
            throw new ConfigurationException($"Port {chosen} on {listen} is already in use; choose another with --port.");
        var host = listen.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{listen}]" : listen.ToString();
        // What a client is told: a wildcard address listens everywhere, and this machine answers on loopback.
        var shown = listen.Equals(IPAddress.Any) ? "127.0.0.1" : listen.Equals(IPAddress.IPv6Any) ? "[::1]" : host;
        var url = new Uri($"http://{shown}:{chosen}/");
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://{host}:{chosen}"],
            StartAdminInterface = false,
            MaxRequestLogCount = 0,
            DisableRequestBodyDecompressing = true,
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            AdditionalServiceRegistration = services => services.Configure<KestrelServerOptions>(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
                kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
                kestrel.Limits.MaxConcurrentConnections = 64;
                kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
                kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            }),
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use((HttpContext context, Func<Task> _) => Serve(context, session, url)),
        });
        return new StandInServer(server, url);
    }

    /// <summary>One request, whole, to the session; its answer written back.</summary>
    private static async Task Serve(HttpContext context, StandInSession session, Uri url)
    {
        var request = context.Request;
        if (await Body(request, session.Settings.MaxBodyBytes, context.RequestAborted) is not var (body, cutAt))
        {
            context.Abort(); // a body too slow, cut off or abandoned: no request to judge, and no connection kept for it
            return;
        }
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.QueryString;
        var arriving = new ArrivingRequest(
            request.Method,
            request.Path.Value ?? "/",
            target.StartsWith('/') ? new Uri(url, target).GetLeftPart(UriPartial.Authority) + target : target,
            request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? ""))).ToList(),
            body, cutAt);
        var answer = session.Receive(arriving);
        var response = context.Response;
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                response.Headers.Append(name, value);
        if (cutAt is not null) response.Headers.Connection = "close"; // the rest of that body is not read
        if (answer.Body.Length > 0 && !HttpMethods.IsHead(request.Method))
            await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>
    /// The body up to the cap, and the cap where it went on past it (then only its start is kept); null where it never came
    /// whole: too slow (the host's minimum rate), cut off, or abandoned.
    /// </summary>
    private static async Task<(byte[] Body, long? CutAt)?> Body(HttpRequest request, long cap, CancellationToken cancel)
    {
        const int kept = 64 * 1024;
        if (request.ContentLength > cap) return (await Read(request.Body, (int)Math.Min(cap, kept), cancel) ?? [], cap);
        if (await Read(request.Body, (int)Math.Min(cap + 1, int.MaxValue), cancel) is not { } read) return null;
        return read.Length > cap ? (read[..(int)Math.Min(cap, kept)], cap) : (read, null);
    }

    private static async Task<byte[]?> Read(Stream body, int most, CancellationToken cancel)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            while (buffer.Length < most && await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, most - buffer.Length)), cancel) is var n and > 0)
                buffer.Write(chunk, 0, n);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is Microsoft.AspNetCore.Http.BadHttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
