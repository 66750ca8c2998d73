using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Conformance.Specs;

namespace Conformance.Http;

/// <summary>
/// Parses an XML body safely (no DTDs, no external entities, bounded size) and reads it as JSON through
/// <see cref="XmlToJson"/>. Every way the body can be wrong becomes a reason, never an exception.
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

    public static (JsonNode? Node, string? Error) Read(ReadOnlyMemory<byte> bytes, XmlShape shape, int? status)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Safe);
            var document = XDocument.Load(reader);
            if (document.Root is null) return (null, "the body holds no XML element");
            return (XmlToJson.Convert(document.Root, shape.SchemaFor(status), shape.SpecRoot) ?? new JsonObject(), null);
        }
        catch (XmlException e) { return (null, $"the body is not well-formed XML ({e.Message})"); }
        catch (DecoderFallbackException) { return (null, "the body is not valid UTF-8"); }
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
