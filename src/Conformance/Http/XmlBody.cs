using System.Text.Json.Nodes;
using System.Text;
using System.Xml.Linq;
using System.Xml;
using Conformance.Specs;

namespace Conformance.Http;

/// <summary>
/// Parses an XML body safely (no DTDs, no external entities, bounded size) and reads it as JSON through
/// <see cref="XmlToJson"/>. Every way the body can be wrong becomes a reason, never an exception. A DTD is
/// refused by the harness, not forbidden by a standard: such a body is marked refused, so no one is blamed for it.
/// </summary>
public static class XmlBody
{
    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 64 * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Deeper XML is refused before it is read.</summary>
    public const int MaxDepth = 200; // read as JSON, nesting must stay within Exchange's limit of 256

    /// <returns>The body read as JSON, or why not; <c>Refused</c> when the harness chose not to read it (a DTD).</returns>
    public static (JsonNode? Node, string? Error, bool Refused) Read(ReadOnlyMemory<byte> bytes, XmlShape shape, int? status)
    {
        try
        {
            // The body's own array where it has one: a body may be megabytes, and is read twice.
            var array = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());
            if (DeeperThan(array, MaxDepth)) return (null, $"the XML nests deeper than {MaxDepth} levels", false);
            using var reader = XmlReader.Create(new MemoryStream(array.Array!, array.Offset, array.Count, writable: false), Safe);
            var document = XDocument.Load(reader);
            if (document.Root is null) return (null, "the body holds no XML element", false);
            return (XmlToJson.Convert(document.Root, shape.SchemaFor(status), shape.SpecRoot) ?? new JsonObject(), null, false);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "the body declares a DTD, which the harness does not process (entities could reach outside the response)", true);
        }
        catch (XmlException e) { return (null, $"the body is not well-formed XML ({e.Message})", false); }
        catch (DecoderFallbackException) { return (null, "the body is not valid UTF-8", false); }
    }

    /// <summary>A first pass that only measures nesting, so a hostile body cannot exhaust the stack later.</summary>
    private static bool DeeperThan(ArraySegment<byte> body, int max)
    {
        using var reader = XmlReader.Create(new MemoryStream(body.Array!, body.Offset, body.Count, writable: false), Safe);
        while (reader.Read())
            if (reader.Depth > max) return true;
        return false;
    }

    /// <summary>True when the body starts with an XML declaration that names UTF-8 (a BOM may come first).</summary>
    public static bool DeclaresUtf8(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8)) body = body[3..];
        if (!body.StartsWith("<?xml"u8)) return false;
        var end = body.IndexOf("?>"u8);
        if (end < 0) return false;
        var declaration = Encoding.ASCII.GetString(body[..end]).Replace('\'', '"');
        return System.Text.RegularExpressions.Regex.IsMatch(declaration, @"\sencoding\s*=\s*""utf-8""", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}
