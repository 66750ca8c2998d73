using System.Xml;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Tests.Reports;
using Conformance.Text;

namespace Conformance.Tests.Text;

/// <summary>XML's encoder: any input is written without an exception, and an XML reader reads back exactly its safe form.</summary>
public class XmlValueTests
{
    [Test]
    public void Every_string_round_trips_through_an_xml_reader_as_its_safe_form()
    {
        foreach (var text in HostileStrings.Many(2000, seed: 3))
        {
            using var buffer = new MemoryStream();
            using (var xml = new InertXmlWriter(buffer))
            {
                xml.StartDocument();
                xml.Start("root");
                xml.Attribute("value", text);
                xml.Text(text);
                xml.End();
                xml.EndDocument();
            }
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer);
            reader.MoveToContent();
            Assert.That(reader.GetAttribute("value"), Is.EqualTo(XmlValue.Safe(text)), text);
            Assert.That(reader.ReadElementContentAsString(), Is.EqualTo(XmlValue.Safe(text)), text);
        }
    }

    [Test]
    public void Tab_and_line_breaks_are_kept_and_a_bell_is_shown() =>
        Assert.That(XmlValue.Safe("a\tb\r\nc\u0007\u202e"), Is.EqualTo("a\tb\r\nc\\x07\\u202e"));

    [Test]
    public void Junit_xml_of_a_run_whose_names_and_messages_hold_any_character_is_read_back_whole()
    {
        foreach (var text in HostileStrings.Many(200, seed: 11))
        {
            var result = Runs.Of([Runs.Result(Outcome.Fail, operation: "GET /x" + text, message: text, details: text),
                Runs.Result(Outcome.Warning, check: "c" + text, clause: "C/" + text, operation: "GET /x" + text)], aborted: "stopped " + text);
            var xml = Runs.Write(new JUnitReport(), result);
            using var reader = XmlReader.Create(new StringReader(xml));
            var names = new List<string>();
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute("name") is { } name) names.Add(name);
            Assert.That(names, Has.Some.EqualTo(XmlValue.Safe("GET /x" + text)), xml);
        }
    }
}
