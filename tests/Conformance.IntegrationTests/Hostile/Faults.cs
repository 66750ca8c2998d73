using System.IO.Compression;
using System.Net.Sockets;
using System.Text;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// The ways a server can break HTTP that a harness must survive. Each writes one answer; what would go on for ever
/// stops at a bound of its own (bytes or seconds), or when the client goes away.
/// </summary>
public static class Faults
{
    /// <summary>More than any endless body is ever sent: the loop ends by itself if no client stops it first.</summary>
    public const long EndlessBound = 8L * 1024 * 1024 * 1024;

    /// <summary>A 200 whose JSON body arrives a byte a second (for at most two minutes).</summary>
    public static Fault Trickle => async (_, _, wire, stop) =>
    {
        var body = Encoding.UTF8.GetBytes("{\"contents\": [], \"total_items\": 0, \"padding\": \"" + new string('a', 200) + "\"}");
        await Head(wire, 200, $"Content-Type: application/json\r\nContent-Length: {body.Length}", stop);
        foreach (var b in body.Take(120))
        {
            await wire.WriteAsync(new[] { b }, stop);
            await wire.FlushAsync(stop);
            await Task.Delay(TimeSpan.FromSeconds(1), stop);
        }
    };

    /// <summary>A 200 whose JSON body never ends: the start of a list, then spaces, up to <see cref="EndlessBound"/>.</summary>
    public static Fault EndlessBody => async (_, _, wire, stop) =>
    {
        await Head(wire, 200, "Content-Type: application/json", stop);
        await wire.WriteAsync("{\"contents\": ["u8.ToArray(), stop);
        await Spaces(wire, EndlessBound, stop);
    };

    /// <summary>
    /// A compression bomb: a few kilobytes on the wire for every few megabytes read, without end (up to
    /// <see cref="EndlessBound"/> once read). gzip, deflate or br, as Content-Encoding names them.
    /// </summary>
    public static Fault Bomb(string encoding) => async (_, _, wire, stop) =>
    {
        await Head(wire, 200, $"Content-Type: application/json\r\nContent-Encoding: {encoding}", stop);
        await using Stream packed = encoding switch
        {
            "gzip" => new GZipStream(wire, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(wire, CompressionLevel.Fastest, leaveOpen: true), // HTTP's deflate is zlib (RFC 9110 §8.4.1.2)
            "br" => new BrotliStream(wire, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentException($"No bomb for {encoding}.", nameof(encoding)),
        };
        await packed.WriteAsync("{\"contents\": ["u8.ToArray(), stop);
        await Spaces(packed, EndlessBound, stop);
    };

    /// <summary>A 200 that promises 100,000 bytes, sends a thousand, then resets the connection.</summary>
    public static Fault ResetMidBody => async (_, socket, wire, stop) =>
    {
        await Head(wire, 200, "Content-Type: application/json\r\nContent-Length: 100000", stop);
        await wire.WriteAsync(Encoding.UTF8.GetBytes("{\"contents\": [" + new string(' ', 986)), stop);
        await wire.FlushAsync(stop);
        socket.LingerState = new LingerOption(true, 0); // closing now sends RST, not FIN
        socket.Close();
    };

    /// <summary>Bytes that are not HTTP at all.</summary>
    public static Fault Garbage => async (_, _, wire, stop) =>
        await wire.WriteAsync((byte[])[.. "SSH-2.0-OpenSSH_9.6\r\n\0\u00ff\u00fe garbage, not HTTP\r\n\r\n"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))], stop);

    /// <summary>A 200 with a one-megabyte header.</summary>
    public static Fault HugeHeader => async (_, _, wire, stop) =>
    {
        var body = "{\"contents\": []}"u8.ToArray();
        await Head(wire, 200, $"Content-Type: application/json\r\nX-Padding: {new string('a', 1024 * 1024)}\r\nContent-Length: {body.Length}", stop);
        await wire.WriteAsync(body, stop);
    };

    /// <summary>A 200 with no body at all.</summary>
    public static Fault EmptyOk => async (_, _, wire, stop) =>
        await Head(wire, 200, "Content-Type: application/json\r\nContent-Length: 0", stop);

    /// <summary>A 200 that says Content-Length: 1000 and sends a short JSON object, then closes.</summary>
    public static Fault LyingContentLength => async (_, _, wire, stop) =>
    {
        await Head(wire, 200, "Content-Type: application/json\r\nContent-Length: 1000", stop);
        await wire.WriteAsync("{\"contents\": []}"u8.ToArray(), stop);
    };

    /// <summary>A 429 that asks the harness to wait <paramref name="seconds"/> before asking again, however often it asks.</summary>
    public static Fault Throttling(int seconds) => async (_, _, wire, stop) =>
    {
        var body = "{\"message\": \"slow down\"}"u8.ToArray();
        await wire.WriteAsync(Encoding.Latin1.GetBytes(
            $"HTTP/1.1 429 Too Many Requests\r\nRetry-After: {seconds}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n"
            + "Access-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n"), stop);
        await wire.WriteAsync(body, stop);
    };

    /// <summary>A 200 whose body is exactly these bytes.</summary>
    public static Fault Body(byte[] body, string contentType = "application/json") => async (_, _, wire, stop) =>
    {
        await Head(wire, 200, $"Content-Type: {contentType}\r\nContent-Length: {body.Length}", stop);
        await wire.WriteAsync(body, stop);
    };

    /// <summary>A 200 whose body is these bytes, with no Content-Length: it ends when the connection closes.</summary>
    public static Fault Unframed(byte[] body, string contentType = "application/json") => async (_, _, wire, stop) =>
    {
        await Head(wire, 200, $"Content-Type: {contentType}", stop);
        await wire.WriteAsync(body, stop);
    };

    /// <summary>A valid ORUK 3.0 discovery document at /, and the fault everywhere else: the target answered, then broke.</summary>
    public static Fault AfterTheRoot(Fault fault) => (target, socket, wire, stop) =>
        target is "/" or "" ? Body(Root)(target, socket, wire, stop) : fault(target, socket, wire, stop);

    private static readonly byte[] Root =
        """{"version": "HSDS-UK-3.0", "profile": "https://example.org/profile", "openapi_url": "https://example.org/openapi.json"}"""u8.ToArray();

    private static async Task Head(Stream wire, int status, string headers, CancellationToken stop)
    {
        // Access-Control-Allow-Origin, so that the fault is the only thing wrong with the answer.
        await wire.WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 {status} OK\r\n{headers}\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n"), stop);
        await wire.FlushAsync(stop);
    }

    private static async Task Spaces(Stream to, long bound, CancellationToken stop)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        for (long sent = 0; sent < bound; sent += chunk.Length)
            await to.WriteAsync(chunk, stop);
    }
}
