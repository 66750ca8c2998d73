using System.Xml;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// junit.xml: one test suite per operation, one test case per check. Failures and errors turn a CI job
/// red; warnings are kept in system-out so they are visible without failing the build.
/// </summary>
public sealed class JUnitReport : IReporter
{
    public string Format => "junit";
    public string FileName => "junit.xml";

    public void Write(RunResult result, TextWriter writer)
    {
        // Built in memory as UTF-8 (a StringWriter would declare utf-16), masked, then written.
        using var buffer = new MemoryStream();
        WriteXml(result, buffer);
        writer.Write(Conformance.Http.Redaction.Mask(new System.Text.UTF8Encoding(false).GetString(buffer.ToArray()), result.Secrets));
    }

    private static void WriteXml(RunResult result, Stream output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"conformance {result.StandardId}");
        xml.WriteAttributeString("tests", result.Results.Count.ToString());
        xml.WriteAttributeString("failures", result.Count(Outcome.Fail).ToString());
        xml.WriteAttributeString("errors", (result.Count(Outcome.Error) + result.Coverage.Count(c => c.IsGap)).ToString());
        xml.WriteAttributeString("skipped", result.Count(Outcome.Skipped).ToString());
        if (result.Aborted is not null)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "run");
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", "run completes");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", XmlSafe(result.Aborted));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        var gaps = result.Coverage.Where(c => c.IsGap).ToList();
        if (gaps.Count > 0)
        {
            // An inconclusive run must not look green: each required part left uncovered is an error.
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "coverage");
            xml.WriteAttributeString("tests", gaps.Count.ToString());
            xml.WriteAttributeString("errors", gaps.Count.ToString());
            foreach (var gap in gaps)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", $"covered {gap.Operation}");
                Element(xml, "error", gap.Gap!, gap.Gap!);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        foreach (var group in result.Results.GroupBy(r => r.Operation))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", group.Key);
            xml.WriteAttributeString("tests", group.Count().ToString());
            xml.WriteAttributeString("failures", group.Count(r => r.Outcome == Outcome.Fail).ToString());
            xml.WriteAttributeString("errors", group.Count(r => r.Outcome == Outcome.Error).ToString());
            xml.WriteAttributeString("skipped", group.Count(r => r.Outcome == Outcome.Skipped).ToString());
            foreach (var r in group)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", r.Clause.Replace('/', '.'));
                xml.WriteAttributeString("name", $"{r.Check} {r.Operation}");
                var body = string.Join("\n", new[] { r.Message }.Concat(r.Details)
                    .Concat(r.Evidence is null ? [] : [r.Evidence.Curl()]));
                switch (r.Outcome)
                {
                    case Outcome.Fail:
                        Element(xml, "failure", r.Message, body);
                        break;
                    case Outcome.Error:
                        Element(xml, "error", r.Message, body);
                        break;
                    case Outcome.Skipped:
                        xml.WriteStartElement("skipped");
                        xml.WriteAttributeString("message", XmlSafe(r.Message));
                        xml.WriteEndElement();
                        break;
                    case Outcome.Warning:
                        xml.WriteElementString("system-out", XmlSafe($"WARNING ({r.Clause}): {body}"));
                        break;
                    case Outcome.Info:
                        xml.WriteElementString("system-out", XmlSafe($"INFO ({r.Clause}): {body}"));
                        break;
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Element(XmlWriter xml, string name, string message, string body)
    {
        xml.WriteStartElement(name);
        xml.WriteAttributeString("message", XmlSafe(message));
        xml.WriteString(XmlSafe(body));
        xml.WriteEndElement();
    }

    /// <summary>Server text can hold characters XML 1.0 cannot (e.g. U+0001): they are dropped, not fatal.</summary>
    private static string XmlSafe(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i)) kept.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
        }
        return kept.ToString();
    }
}
