using Conformance.Text;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// junit.xml: one test suite per operation, one test case per check (clause and operation). Failures and errors
/// turn a CI job red, and a run that stopped early or left a required part uncovered has an error of its own, so
/// no such run looks green; warnings are kept in system-out and counted in a property, visible without failing
/// the build.
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
        using var xml = new InertXmlWriter(output);
        xml.StartDocument();
        xml.Start("testsuites");
        var gaps = result.Coverage.Where(c => c.IsGap).ToList();
        var stopped = result.Aborted is null ? 0 : 1;
        // The suite a CI page shows first names whose API it is, and says when it was only a demonstration.
        xml.Attribute("name", $"conformance {result.StandardId}: {result.SupplierName}"
                              + (result.Supplier.Demonstration ? " (a demonstration: the built-in reference implementation)" : ""));
        xml.Attribute("tests", result.Results.Count + gaps.Count + stopped);
        xml.Attribute("failures", result.Count(Outcome.Fail));
        xml.Attribute("errors", result.Count(Outcome.Error) + gaps.Count + stopped);
        xml.Attribute("skipped", result.Count(Outcome.Skipped));
        if (result.Aborted is not null)
        {
            xml.Start("testsuite");
            xml.Attribute("name", "run");
            xml.Attribute("tests", 1);
            xml.Attribute("errors", 1);
            xml.Start("testcase");
            xml.Attribute("name", "run completes");
            xml.Start("error");
            xml.Attribute("message", result.Aborted);
            xml.End();
            xml.End();
            xml.End();
        }
        if (gaps.Count > 0)
        {
            // An inconclusive run must not look green: each required part left uncovered is an error.
            xml.Start("testsuite");
            xml.Attribute("name", "coverage");
            xml.Attribute("tests", gaps.Count);
            xml.Attribute("errors", gaps.Count);
            foreach (var gap in gaps)
            {
                xml.Start("testcase");
                xml.Attribute("name", $"covered {gap.Operation}");
                Element(xml, "error", gap.Gap!, gap.Gap!);
                xml.End();
            }
            xml.End();
        }
        foreach (var group in result.Results.GroupBy(r => r.Operation))
        {
            xml.Start("testsuite");
            xml.Attribute("name", group.Key);
            xml.Attribute("tests", group.Count());
            xml.Attribute("failures", group.Count(r => r.Outcome == Outcome.Fail));
            xml.Attribute("errors", group.Count(r => r.Outcome == Outcome.Error));
            xml.Attribute("skipped", group.Count(r => r.Outcome == Outcome.Skipped));
            xml.Start("properties");
            Property(xml, "warnings", group.Count(r => r.Outcome == Outcome.Warning));
            xml.End();
            var named = new Dictionary<string, int>();
            foreach (var r in group)
            {
                // A check that judged an operation twice gets two test cases that CI viewers must not merge.
                var name = $"{r.Check} {r.Operation}";
                named[name] = named.GetValueOrDefault(name) + 1;
                xml.Start("testcase");
                xml.Attribute("classname", r.Clause.Replace('/', '.'));
                xml.Attribute("name", named[name] == 1 ? name : $"{name} ({named[name]})");
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
                        xml.Start("skipped");
                        xml.Attribute("message", r.Message);
                        xml.End();
                        break;
                    case Outcome.Warning:
                        xml.Element("system-out", $"WARNING ({r.Clause}): {body}");
                        break;
                    case Outcome.Info:
                        xml.Element("system-out", $"INFO ({r.Clause}): {body}");
                        break;
                }
                xml.End();
            }
            xml.End();
        }
        if (result.UnwrittenReports.Count > 0)
        {
            // Said, not counted: a report the harness could not write is no finding about the API.
            xml.Start("testsuite");
            xml.Attribute("name", "reports");
            xml.Attribute("tests", 0);
            xml.Element("system-err", string.Join("\n", result.UnwrittenReports));
            xml.End();
        }
        xml.End();
        xml.EndDocument();
    }

    private static void Property(InertXmlWriter xml, string name, long value)
    {
        xml.Start("property");
        xml.Attribute("name", name);
        xml.Attribute("value", value);
        xml.End();
    }

    private static void Element(InertXmlWriter xml, string name, string message, string body)
    {
        xml.Start(name);
        xml.Attribute("message", message);
        xml.Text(body);
        xml.End();
    }
}
