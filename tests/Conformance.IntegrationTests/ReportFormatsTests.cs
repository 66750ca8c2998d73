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
/// a redirect, a body that is not JSON, a credential demanded, a gap), read back: report.json matches its schema,
/// junit.xml counts what report.json counts, and exchanges.har holds every request the server received.
/// </summary>
public class ReportFormatsTests
{
    private static readonly Lazy<Conformance.Standards.StandardCatalogue> Catalogue = new(ConformanceRun.DefaultCatalogue);

    [TestCase("oruk-3.0", null)]
    [TestCase("hsds-3.0", null)]
    [TestCase("open311-georeport-v2", null)]
    [TestCase("oruk-3.0", "service-name-missing")]
    [TestCase("oruk-3.0", "services-moved")]
    [TestCase("oruk-3.0", "malformed-json")]
    [TestCase("oruk-3.0", "api-key-demanded")]
    [TestCase("oruk-3.0", "empty-feed")]
    public async Task Each_format_agrees_with_the_run(string standard, string? defectName)
    {
        var defect = defectName is null ? null : DefectCatalogue.Find(defectName);
        using var server = ReferenceImplementations.Start(Catalogue.Value, standard, defects: defect is null ? [] : [defect]);
        var request = new RunRequest
        {
            StandardId = standard, Target = new Uri(server.Url), Environment = Conformance.Vendors.TargetEnvironment.Test,
            Probe = new Conformance.Http.ProbeSettings { Timeout = TimeSpan.FromSeconds(10) },
        };
        var result = await ConformanceRun.ExecuteAsync(defect?.Prepare(request) ?? request, Catalogue.Value);
        var outDir = WriteAll(result);

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        int Summary(string outcome) => report["summary"]![outcome]!.GetValue<int>();
        var gaps = report["coverage"]!.AsArray().Count(c => c!["gap"] is not null && c["tier"]!.GetValue<string>() == "required");
        var stopped = report["aborted"] is null ? 0 : 1;

        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml")).Root!;
        int Junit(string attribute) => int.Parse(junit.Attribute(attribute)!.Value);
        var entries = Entries(outDir);
        Assert.Multiple(() =>
        {
            Assert.That(Junit("failures"), Is.EqualTo(Summary("fail")).And.EqualTo(junit.Descendants("failure").Count()));
            Assert.That(Junit("errors"), Is.EqualTo(Summary("error") + gaps + stopped).And.EqualTo(junit.Descendants("error").Count()));
            Assert.That(Junit("skipped"), Is.EqualTo(Summary("skipped")));
            Assert.That(Junit("tests"), Is.EqualTo(report["results"]!.AsArray().Count + gaps + stopped).And.EqualTo(junit.Descendants("testcase").Count()));
            if (report["verdict"]!.GetValue<string>() != Verdict.Pass && report["verdict"]!.GetValue<string>() != Verdict.PassWithWarnings)
                Assert.That(Junit("failures") + Junit("errors"), Is.GreaterThan(0), "a run that did not pass never looks green");

            Assert.That(entries, Has.Count.EqualTo(server.Requests.Count).And.Count.EqualTo(result.RequestsSent),
                "one entry per request sent, each redirect followed included");
            Assert.That(entries.Select(e => e!["_id"]!.GetValue<string>()).Distinct(),
                Is.EquivalentTo(report["exchanges"]!.AsArray().Select(e => e!["id"]!.GetValue<string>())), "the HAR and report.json know the same exchanges");
        });
        Assert.That(File.ReadAllText(Path.Combine(outDir, "summary.md")), Does.StartWith($"## Conformance to `{result.StandardName}`: {result.Verdict}"));
    }

    [Test]
    public async Task An_answer_waited_out_and_asked_again_is_counted_as_sent_but_only_the_last_answer_is_in_the_har()
    {
        // The first request for /services is refused with 429 (come back at once); the harness asks again and is served.
        var data = new OpenReferralService(ReferenceData.Load(Path.Combine(Catalogue.Value.Root, "oruk-3.0", "reference")));
        var refused = 0;
        using var server = ReferenceServer.Start((method, path, query) => path == "/services" && Interlocked.Exchange(ref refused, 1) == 0
            ? ReferenceResponse.Error(429, "Too many requests.") with { Headers = new Dictionary<string, string?> { ["Retry-After"] = "0" } }
            : data.Handle(method, path, query));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest { StandardId = "oruk-3.0", Target = new Uri(server.Url) }, Catalogue.Value);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        Assert.That(Entries(WriteAll(result)), Has.Count.EqualTo(server.Requests.Count - 1).And.Count.EqualTo(result.RequestsSent - 1));
    }

    private static string WriteAll(RunResult result)
    {
        var outDir = Cli.TempDir();
        var written = ReportWriter.WriteAll(result, outDir);
        Assert.That(written.Select(w => Path.GetFileName(w.Path)), Is.EquivalentTo(ReportWriter.All.Select(r => r.FileName)));
        ReportSchema.AssertValidIn(outDir);
        return outDir;
    }

    /// <summary>The HAR's entries, each held to the shape HAR 1.2 requires.</summary>
    private static JsonArray Entries(string outDir)
    {
        var log = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "exchanges.har")))!["log"]!;
        Assert.That(log["version"]!.GetValue<string>(), Is.EqualTo("1.2"));
        var entries = log["entries"]!.AsArray();
        foreach (var entry in entries) HarShape.AssertEntry(entry!);
        return entries;
    }
}
