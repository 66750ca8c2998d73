using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using System.Text;
using Conformance.Evidence;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// An HTTP server on 127.0.0.1 that records every connection made to it, whether or not a request follows: as a
/// canary it proves no connection was made. It answers each GET from its routes, and can stream a body of any
/// size without holding it, counting what it managed to send.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    /// <param name="Filler">Bytes of padding streamed inside <paramref name="Body"/> in place of the text "FILLER".</param>
    /// <param name="Chunked">No Content-Length: the body ends when the connection closes.</param>
    public sealed record Reply(int Status, string Body = "", string? Location = null, long Filler = 0, bool Chunked = false)
    {
        public static Reply Json(string body) => new(200, body);
        public static Reply Redirect(string location) => new(302, Location: location);
    }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly Func<LoopbackServer, string, Reply?> _route;
    private int _connections;
    private long _bytesSent;

    private LoopbackServer(Func<LoopbackServer, string, Reply?> route) => _route = route;

    /// <summary>A server answering from <paramref name="route"/> (given the server, for its own URL, and the path); null is 404.</summary>
    public static LoopbackServer Start(Func<LoopbackServer, string, Reply?> route)
    {
        var server = new LoopbackServer(route);
        server._listener.Start();
        _ = server.AcceptAsync();
        return server;
    }

    /// <summary>A server that answers every request with 404: it is only there to be reached, or not.</summary>
    public static LoopbackServer Canary() => Start((_, _) => null);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string Url => $"http://127.0.0.1:{Port}";
    public int Connections => Volatile.Read(ref _connections);
    public IReadOnlyCollection<string> Paths => _paths.ToArray();
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var path = head.Split(' ') is [_, var target, ..] ? target : "";
            _paths.Enqueue(path);
            var reply = _route(this, path) ?? new Reply(404, "{}");
            var (before, after) = reply.Body.IndexOf("FILLER", StringComparison.Ordinal) is var at and >= 0
                ? (reply.Body[..at], reply.Body[(at + 6)..]) : (reply.Body, "");
            var length = Encoding.UTF8.GetByteCount(before) + reply.Filler + Encoding.UTF8.GetByteCount(after);
            var headers = new StringBuilder($"HTTP/1.1 {reply.Status} {(reply.Status < 400 ? "OK" : "Nope")}\r\nContent-Type: application/json\r\nConnection: close\r\n");
            if (reply.Location is not null) headers.Append($"Location: {reply.Location}\r\n");
            if (!reply.Chunked) headers.Append($"Content-Length: {length}\r\n");
            await WriteAsync(stream, Encoding.ASCII.GetBytes(headers.Append("\r\n").ToString()));
            await WriteAsync(stream, Encoding.UTF8.GetBytes(before));
            var chunk = Enumerable.Repeat((byte)'a', 64 * 1024).ToArray();
            for (var left = reply.Filler; left > 0; left -= chunk.Length)
                await WriteAsync(stream, chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
            await WriteAsync(stream, Encoding.UTF8.GetBytes(after));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, as a harness refusing an oversized body does.
        }
    }

    private async Task WriteAsync(NetworkStream stream, ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes, _stop.Token);
        Interlocked.Add(ref _bytesSent, bytes.Length);
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[4096];
        while (head.Count < 64 * 1024)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) break;
            head.AddRange(buffer.Take(read));
            if (Encoding.ASCII.GetString(head.ToArray()).Contains("\r\n\r\n")) break;
        }
        return Encoding.ASCII.GetString(head.ToArray());
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
