using System.Text.Json.Nodes;
using System.Xml.Linq;
using Conformance.Reference.Defects;
using Conformance.Reference;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Tests.Reports;

namespace Conformance.IntegrationTests;

/// <summary>
/// Every format written for real runs (the references, and defects chosen for what they put in a report: a failure,
/// a redirect, a body that is not JSON, a wait for the server, a gap), read back: report.json matches its schema,
/// junit.xml counts what report.json counts, and exchanges.har holds every request the server received.
/// </summary>
public class ReportFormatsTests
{
    private static readonly Lazy<Conformance.Standards.StandardCatalogue> Catalogue = new(ConformanceRun.DefaultCatalogue);

    /// <param name="notKept">Requests the server received whose answers were not kept: answers waited out (429) and asked again.</param>
    [TestCase("oruk-3.0", null, 0)]
    [TestCase("hsds-3.0", null, 0)]
    [TestCase("open311-georeport-v2", null, 0)]
    [TestCase("oruk-3.0", "service-name-missing", 0)]
    [TestCase("oruk-3.0", "services-moved", 0)]
    [TestCase("oruk-3.0", "malformed-json", 0)]
    [TestCase("oruk-3.0", "api-key-demanded", 0)]
    [TestCase("oruk-3.0", "empty-feed", 0)]
    [TestCase("oruk-3.0", "trap-throttled-once", 1)]
    public async Task Each_format_agrees_with_the_run(string standard, string? defectName, int notKept)
    {
        var defect = defectName is null ? null : DefectCatalogue.Find(defectName);
        using var server = ReferenceImplementations.Start(Catalogue.Value, standard, defects: defect is null ? [] : [defect]);
        var request = new RunRequest
        {
            StandardId = standard, Target = new Uri(server.Url), Environment = Conformance.Vendors.TargetEnvironment.Test,
            Probe = new Conformance.Http.ProbeSettings { Timeout = TimeSpan.FromSeconds(10) },
        };
        var result = await ConformanceRun.ExecuteAsync(defect?.Prepare(request) ?? request, Catalogue.Value);
        var outDir = Cli.TempDir();
        var written = ReportWriter.WriteAll(result, outDir);
        Assert.That(written.Select(w => Path.GetFileName(w.Path)), Is.EquivalentTo(ReportWriter.All.Select(r => r.FileName)));

        ReportSchema.AssertValidIn(outDir);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        int Summary(string outcome) => report["summary"]![outcome]!.GetValue<int>();
        var gaps = report["coverage"]!.AsArray().Count(c => c!["gap"] is not null && c["tier"]!.GetValue<string>() == "required");
        var stopped = report["aborted"] is null ? 0 : 1;

        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml")).Root!;
        int Junit(string attribute) => int.Parse(junit.Attribute(attribute)!.Value);
        var har = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "exchanges.har")))!["log"]!;
        var entries = har["entries"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(Junit("failures"), Is.EqualTo(Summary("fail")).And.EqualTo(junit.Descendants("failure").Count()));
            Assert.That(Junit("errors"), Is.EqualTo(Summary("error") + gaps + stopped).And.EqualTo(junit.Descendants("error").Count()));
            Assert.That(Junit("skipped"), Is.EqualTo(Summary("skipped")));
            Assert.That(Junit("tests"), Is.EqualTo(report["results"]!.AsArray().Count + gaps + stopped).And.EqualTo(junit.Descendants("testcase").Count()));
            if (report["verdict"]!.GetValue<string>() != Verdict.Pass && report["verdict"]!.GetValue<string>() != Verdict.PassWithWarnings)
                Assert.That(Junit("failures") + Junit("errors"), Is.GreaterThan(0), "a run that did not pass never looks green");

            Assert.That(har["version"]!.GetValue<string>(), Is.EqualTo("1.2"));
            Assert.That(entries, Has.Count.EqualTo(server.Requests.Count - notKept).And.Count.EqualTo(result.RequestsSent - notKept),
                "one entry per request sent, each redirect followed included");
            Assert.That(entries.Select(e => e!["_id"]!.GetValue<string>()).Distinct(),
                Is.EquivalentTo(report["exchanges"]!.AsArray().Select(e => e!["id"]!.GetValue<string>())), "the HAR and report.json know the same exchanges");
        });
        foreach (var entry in entries) HarShape.AssertEntry(entry!);
        Assert.That(File.ReadAllText(Path.Combine(outDir, "summary.md")), Does.StartWith($"## Conformance to `{result.StandardName}`: {result.Verdict}"));
    }
}
