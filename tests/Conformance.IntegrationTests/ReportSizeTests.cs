using System.Text.Json.Nodes;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reports;
using Conformance.Running;

namespace Conformance.IntegrationTests;

/// <summary>
/// report.json stores each exchange once. Before (schema version 1, commit 5df3370) the demo run's report.json held
/// the evidence whole in every result: 318,997 bytes for its 39 requests and 108 results (`conformance run
/// --standard oruk-3.0 --reference --seed 1`; 318,955 with --seed 3), 9 distinct exchanges repeated 108 times.
/// </summary>
public class ReportSizeTests
{
    private const int BytesBefore = 318_997;

    [Test]
    public async Task The_demo_report_is_at_most_a_third_of_its_old_size_and_keeps_everything_it_said()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var overrides = new RunOverrides { Standard = "oruk-3.0", Reference = true, Seed = 1 };
        using var reference = ReferenceImplementations.Start(catalogue, "oruk-3.0");
        var result = await ConformanceRun.ExecuteAsync(RunRequest.From(null, overrides, new Uri(reference.Url)), catalogue);
        var writer = new StringWriter();
        new JsonReport().Write(result, writer);
        var text = writer.ToString();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        Assert.That(bytes, Is.LessThanOrEqualTo(BytesBefore / 3), $"{bytes:N0} bytes");

        // Everything version 1 wrote of each result and its evidence is still there, the evidence once, cited by id.
        var report = JsonNode.Parse(text)!;
        var exchanges = report["exchanges"]!.AsArray().ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!);
        var results = report["results"]!.AsArray();
        Assert.That(results, Has.Count.EqualTo(result.Results.Count));
        Assert.That(exchanges, Has.Count.EqualTo(result.RequestsSent), "every request, not only the evidence");
        for (var i = 0; i < results.Count; i++)
        {
            var (written, r) = (results[i]!, result.Results[i]);
            Assert.That((written["check"]!.GetValue<string>(), written["clause"]!.GetValue<string>(), written["operation"]!.GetValue<string>(),
                    written["outcome"]!.GetValue<string>(), written["message"]!.GetValue<string>(), written["details"]!.AsArray().Count),
                Is.EqualTo((r.Check, r.Clause, r.Operation, r.Outcome.ToString().ToLowerInvariant(), r.Message, r.Details.Count)));
            var evidence = r.Evidence!;
            var cited = exchanges[written["evidence"]!.GetValue<string>()];
            Assert.Multiple(() =>
            {
                Assert.That(cited["purpose"]!.GetValue<string>(), Is.EqualTo(evidence.Purpose));
                Assert.That(cited["method"]!.GetValue<string>(), Is.EqualTo(evidence.Method));
                Assert.That(cited["url"]!.GetValue<string>(), Is.EqualTo(evidence.Url));
                Assert.That(cited["status"]!.GetValue<int>(), Is.EqualTo(evidence.Status));
                Assert.That(cited["contentType"]!.GetValue<string>(), Is.EqualTo(evidence.ContentType));
                Assert.That(cited["durationMs"]!.GetValue<double>(), Is.EqualTo(Math.Round(evidence.Duration.TotalMilliseconds, 1)));
                Assert.That(cited["transportError"]?.GetValue<string>(), Is.EqualTo(evidence.TransportError));
                Assert.That(cited["redirects"]?.AsArray().Count ?? 0, Is.EqualTo(evidence.Redirects.Count));
                Assert.That(cited["redirectNotFollowed"]?.GetValue<string>(), Is.EqualTo(evidence.RedirectNotFollowed));
                Assert.That(cited["responseExcerpt"]!.GetValue<string>(), Is.EqualTo(Redaction.Mask(evidence.Excerpt(result.Secrets), result.Secrets)));
                Assert.That(cited["curl"]!.GetValue<string>(), Is.EqualTo(evidence.Curl()));
            });
        }
    }
}
