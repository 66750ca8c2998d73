using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Conformance.Monitoring;

/// <summary>
/// The I-th of N slices of the targets (`--shard I/N`, I from 1). A target's slice comes from a hash of its name,
/// never its place in the list, so adding a supplier moves no other supplier to another machine.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(1, 1);

    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count is >= 1 and <= 1000 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new ConfigurationException($"--shard takes I/N with 1 <= I <= N <= 1000 (e.g. 2/4), not '{text}'.");
    }

    public bool Holds(MonitorTarget target) => SliceOf(target.Id, Count) == Index;

    /// <summary>1-based slice: the first 8 bytes of the name's SHA-256, modulo the count (the same on every machine and .NET version).</summary>
    public static int SliceOf(string targetId, int count) =>
        (int)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(targetId))) % (ulong)count) + 1;

    public override string ToString() => $"{Index}/{Count}";
}
