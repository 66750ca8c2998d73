using System.Globalization;
using System.Text;

namespace Conformance.Certificates;

/// <summary>
/// DSSE's pre-authentication encoding, the bytes a signature covers:
/// "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes as ASCII decimals. Signing the type with the
/// body means a signature made for one kind of payload can never be passed off as another.
/// </summary>
public static class Pae
{
    public static byte[] Encode(string payloadType, ReadOnlySpan<byte> body)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {body.Length} "));
        return [.. head, .. type, .. middle, .. body];
    }
}
