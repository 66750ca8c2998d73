using System.Text.Json.Nodes;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// A body holding text that is not text (a lone surrogate escape, bytes that are not UTF-8) is the supplier's fault:
/// the check that owns unreadable bodies fails it, and nothing says the spec's schema could not be applied.
/// </summary>
public class InvalidTextTests
{
    private static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData("a lone surrogate", """{"contents": [{"id": "0d2a8a6e-54a6-4c09-8e0f-3a8f5e2d1c0\ud800", "name": "caf\ud800", "status": "active"}], "total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true, "last_page": true, "empty": false}"""u8.ToArray(), "\\ud800");
        yield return new TestCaseData("a lone surrogate in a name", """{"contents": [], "total_items": 0, "\udc00": 1}"""u8.ToArray(), "\\udc00");
        yield return new TestCaseData("invalid UTF-8", (byte[])[.. """{"contents": [], "total_items": 0, "x": "caf"""u8, 0xE9, .. "\"}"u8], "not valid UTF-8");
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task Invalid_text_in_a_body_fails_the_supplier_and_never_blames_the_spec(string what, byte[] body, string says)
    {
        using var server = FaultServer.Start(Faults.AfterTheRoot(Faults.Body(body)));
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync(TimeSpan.FromSeconds(90), "run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir, "--rate", "1000");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        var report = File.ReadAllText(Path.Combine(outDir, "report.json"));
        var schema = JsonNode.Parse(report)!["results"]!.AsArray().Where(r => r!["check"]!.GetValue<string>() == "response-schema").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report, Does.Not.Contain("could not be applied"), what);
            Assert.That(schema.Where(r => r!["outcome"]!.GetValue<string>() == "fail" && r["operation"]!.GetValue<string>() == "GET /services")
                .Select(r => r!["message"]!.GetValue<string>()), Has.Some.Contains(says), what);
            Assert.That(schema.Select(r => r!["outcome"]!.GetValue<string>()), Has.None.EqualTo("error"), what);
        });
    }
}
