namespace Conformance.Http;

/// <summary>
/// A response body read whole into memory, but never past a cap counted on the bytes as decompressed, so neither a
/// body that never ends nor a compression bomb can take more. A body that went past the cap is cut: only its first
/// <see cref="KeptWhenCut"/> bytes are kept, as evidence. It carries the headers the server sent, as sent.
/// </summary>
public sealed class CappedBody : ByteArrayContent
{
    /// <summary>What is kept of a body cut at the cap: enough for any excerpt, and for the XML declaration.</summary>
    public const int KeptWhenCut = 64 * 1024;

    private CappedBody(byte[] bytes, HttpContent original, long? cutAt) : base(bytes)
    {
        Bytes = bytes;
        CutAt = cutAt;
        foreach (var (name, values) in original.Headers) Headers.TryAddWithoutValidation(name, values);
    }

    /// <summary>The body, or its first bytes when it was cut.</summary>
    public byte[] Bytes { get; }

    /// <summary>The cap the body went past, in bytes; null when it was read whole.</summary>
    public long? CutAt { get; }

    // The server's own Content-Length (copied with its headers) or none: never one computed from what was kept.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <summary>
    /// Reads <paramref name="content"/> up to <paramref name="cap"/> bytes. A read that fails (a reset, the timeout)
    /// throws, as it would have without the cap.
    /// </summary>
    public static async Task<CappedBody> ReadAsync(HttpContent content, long cap, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel);
        if (content.Headers.ContentLength is { } declared && declared <= cap)
        {
            // Framed by Content-Length within the cap: read straight into an array of that size (HttpClient ends
            // the stream there, and throws if the body ends before it).
            var exact = new byte[declared];
            var filled = 0;
            while (filled < exact.Length && await stream.ReadAsync(exact.AsMemory(filled), cancel) is var read and > 0) filled += read;
            return new CappedBody(filled == exact.Length ? exact : exact[..filled], content, null);
        }
        // Length unknown (chunked, compressed, or to the connection's end) or past the cap: read in pooled segments,
        // so a body that is cut leaves no garbage behind, and only one array of the body's own size is made.
        var segments = new List<(byte[] Bytes, int Filled)>();
        try
        {
            long length = 0;
            var ended = false;
            while (!ended && length <= cap)
            {
                var segment = System.Buffers.ArrayPool<byte>.Shared.Rent(SegmentSize);
                var filled = 0;
                while (filled < segment.Length && length <= cap)
                {
                    var read = await stream.ReadAsync(segment.AsMemory(filled), cancel);
                    if (read == 0)
                    {
                        ended = true;
                        break;
                    }
                    filled += read;
                    length += read;
                }
                segments.Add((segment, filled));
            }
            return length > cap
                ? new CappedBody(Join(segments, (int)Math.Min(KeptWhenCut, cap)), content, cap)
                : new CappedBody(Join(segments, (int)length), content, null);
        }
        finally
        {
            foreach (var (segment, _) in segments) System.Buffers.ArrayPool<byte>.Shared.Return(segment);
        }
    }

    private const int SegmentSize = 1024 * 1024;

    /// <summary>The first <paramref name="count"/> bytes held in the segments, as one array.</summary>
    private static byte[] Join(List<(byte[] Bytes, int Filled)> segments, int count)
    {
        var joined = new byte[count];
        var at = 0;
        foreach (var (segment, filled) in segments)
        {
            var take = Math.Min(filled, count - at);
            segment.AsSpan(0, take).CopyTo(joined.AsSpan(at));
            at += take;
            if (at == count) break;
        }
        return joined;
    }
}
