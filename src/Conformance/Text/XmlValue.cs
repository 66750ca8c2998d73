using System.Xml;

namespace Conformance.Text;

/// <summary>
/// XML's encoder: every character XML 1.0 cannot hold (most C0 controls, a lone surrogate, U+FFFE, U+FFFF), and those
/// that act on a reader although XML allows them (DEL, C1, bidirectional controls, line separators), shown as a
/// visible escape (<see cref="Visible"/>); tab and line breaks stay, as in any multi-line text. Never an exception.
/// </summary>
public static class XmlValue
{
    public static string Safe(string? text) => Visible.Escape(text, keepLineBreaks: true);
}

/// <summary>
/// The only way the reports write XML: elements and attributes whose names are ours, values always through
/// <see cref="XmlValue.Safe"/>, line breaks written as character references where a reader would otherwise change
/// them, so what an XML reader reads back is exactly the safe text.
/// </summary>
public sealed class InertXmlWriter : IDisposable
{
    private readonly XmlWriter _xml;

    public InertXmlWriter(Stream output) =>
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Indent = true,
            Encoding = new System.Text.UTF8Encoding(false),
            NewLineHandling = NewLineHandling.Entitize,
        });

    public void StartDocument() => _xml.WriteStartDocument();

    public void EndDocument() => _xml.WriteEndDocument();

    public void Start(string name) => _xml.WriteStartElement(name);

    public void End() => _xml.WriteEndElement();

    public void Attribute(string name, string? value) => _xml.WriteAttributeString(name, XmlValue.Safe(value));

    public void Attribute(string name, long value) => _xml.WriteAttributeString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Text(string? value) => _xml.WriteString(XmlValue.Safe(value));

    /// <summary>An element holding only text.</summary>
    public void Element(string name, string? value)
    {
        Start(name);
        Text(value);
        End();
    }

    public void Dispose() => _xml.Dispose();
}
