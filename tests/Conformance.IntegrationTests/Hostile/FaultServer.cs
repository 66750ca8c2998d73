using System.Net.Sockets;
using System.Net;
using System.Text;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>What a fault server writes for one request (its target, e.g. "/services?page=1"); the connection is closed after.</summary>
public delegate Task Fault(string target, Socket socket, Stream wire, CancellationToken stop);

/// <summary>
/// A raw-socket HTTP server on 127.0.0.1 for what WireMock cannot do: bytes that are not HTTP, bodies that never
/// end or end too soon, resets, trickles. It reads each request's head and lets a <see cref="Fault"/> write the
/// answer. Every loop it runs is bounded and stops when the server is disposed.
/// </summary>
public sealed class FaultServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Fault _fault;
    private readonly Task _accepting;
    private int _requests;

    private FaultServer(Fault fault)
    {
        _fault = fault;
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string Url { get; }

    /// <summary>Requests whose head was read.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static FaultServer Start(Fault fault) => new(fault);

    /// <summary>A request head longer than this is not read further: the harness never sends one.</summary>
    private const int MostHead = 64 * 1024;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        await using (var wire = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                patience.CancelAfter(TimeSpan.FromSeconds(10)); // a head that never comes is given up on
                if (await ReadTargetAsync(wire, patience.Token) is not { } target) return;
                Interlocked.Increment(ref _requests);
                await _fault(target, socket, wire, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server stopped: the fault is over.
            }
        }
    }

    /// <summary>The request target from the request line, once the whole head has arrived; null if it never does.</summary>
    private static async Task<string?> ReadTargetAsync(Stream wire, CancellationToken cancel)
    {
        var head = new List<byte>();
        var buffer = new byte[4096];
        while (head.Count < MostHead)
        {
            var read = await wire.ReadAsync(buffer, cancel);
            if (read == 0) return null;
            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.Latin1.GetString(head.ToArray());
            if (text.Contains("\r\n\r\n")) return text.Split(' ', 3).ElementAtOrDefault(1) ?? "/";
        }
        return null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException) { }
        _stop.Dispose();
    }
}
