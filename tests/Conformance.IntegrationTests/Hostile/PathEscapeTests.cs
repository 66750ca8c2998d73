using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// Through the real program, against a target under a base path (a tenant on a shared gateway): ids that spell dot
/// segments, escapes and separators are each one segment, and spec paths with dot segments are never requested. What
/// the servers received is the proof: WireMock's request log, and the request lines on the wire.
/// </summary>
public class PathEscapeTests
{
    private const string BasePath = "/tenant/api";

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Dots, version: "1"}
        paths:
          /things:
            get: {responses: {"200": {description: things, content: {application/json: {schema: {type: array}}}}}}
          /things/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: a thing, content: {application/json: {schema: {type: object}}}}}
          /more:
            get: {responses: {"200": {description: more things, content: {application/json: {schema: {type: array}}}}}}
          /more/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: a thing, content: {application/json: {schema: {type: object}}}}}
          /../../x:
            get: {responses: {"200": {description: another tenant's}}}
          /%2e%2e/x:
            get: {responses: {"200": {description: another tenant's}}}
          /a/../../x:
            get: {responses: {"200": {description: another tenant's}}}
        """;

    /// <summary>The lists name the ids; a lookup answers with the record whose id is its last segment as received.</summary>
    private static string? Answer(string path) => path switch
    {
        BasePath + "/things" => """[{"id": "."}, {"id": ".."}, {"id": "%2e"}]""",
        BasePath + "/more" => """[{"id": "a/b"}, {"id": "ok"}]""",
        _ when path.StartsWith(BasePath + "/things/") || path.StartsWith(BasePath + "/more/") =>
            new JsonObject { ["id"] = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]) }.ToJsonString(),
        _ => null,
    };

    private static async Task<(Cli.Result Result, JsonNode Report)> RunAsync(string url)
    {
        var dir = Cli.TempDir();
        var spec = Path.Combine(dir, "dots.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var outDir = Path.Combine(dir, "out");
        var result = await Cli.RunAsync("run", "--spec", spec, "--url", url + BasePath, "--out", outDir, "--rate", "1000");
        Assert.That(result.ExitCode, Is.Not.EqualTo(2), result.All);
        Assert.That(result.All, Does.Not.Contain("   at "));
        return (result, JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!);
    }

    private static void AssertDotPathsNeverRequested(JsonNode report)
    {
        var diagnostics = report["diagnostics"]!.AsArray().Where(d => d!["kind"]!.GetValue<string>() == "path")
            .Select(d => d!["message"]!.GetValue<string>()).ToList();
        Assert.That(diagnostics, Has.Count.EqualTo(3), "each spec path with a dot segment is a spec diagnostic");
        foreach (var path in new[] { "/../../x", "/%2e%2e/x", "/a/../../x" })
        {
            Assert.That(diagnostics, Has.Some.Contains($"The path {path} has a dot segment"));
            Assert.That(report["coverage"]!.AsArray().Single(c => c!["operation"]!.GetValue<string>() == $"GET {path}")!["gap"]!.GetValue<string>(),
                Does.Contain("Never requested"));
        }
    }

    [Test]
    public async Task No_request_leaves_the_base_path_in_the_servers_request_log()
    {
        using var server = ReferenceServer.Start((_, path, _) =>
            Answer(path) is { } json ? new ReferenceResponse(200, null, Text: json) : ReferenceResponse.Error(404, "none"));
        var (result, report) = await RunAsync(server.Url);
        var paths = server.Requests.Select(r => new Uri(r.Url).AbsolutePath).ToList();
        TestContext.Out.WriteLine(string.Join("\n", server.Requests.Select(r => r.Url)));
        Assert.Multiple(() =>
        {
            Assert.That(paths, Has.Count.GreaterThanOrEqualTo(7), "both lists and each id were asked for\n" + result.All);
            Assert.That(paths, Has.All.StartsWith(BasePath + "/"), "nothing outside the base path");
            Assert.That(paths, Has.None.Contains("/x"), "no spec path with a dot segment was requested");
            AssertDotPathsNeverRequested(report);
        });
    }

    [Test]
    public async Task Each_id_is_one_segment_on_the_wire()
    {
        var targets = new ConcurrentQueue<string>();
        using var server = FaultServer.Start(async (target, _, wire, stop) =>
        {
            targets.Enqueue(target);
            var json = Answer(target.Split('?')[0]);
            var body = Encoding.UTF8.GetBytes(json ?? """{"message": "none"}""");
            await wire.WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 {(json is null ? "404 Not Found" : "200 OK")}\r\nContent-Type: application/json\r\n"
                + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n"), stop);
            await wire.WriteAsync(body, stop);
        });
        var (_, report) = await RunAsync(server.Url);
        var sent = targets.Select(t => t.Split('?')[0]).ToList();
        TestContext.Out.WriteLine(string.Join("\n", sent));
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.SupersetOf(new[]
            {
                $"{BasePath}/things/%2E", $"{BasePath}/things/%2E%2E", $"{BasePath}/things/%252e", $"{BasePath}/more/a%2Fb",
            }), "'.' and '..' percent-encoded, '%2e' a literal value, '/' encoded: each one segment, as built");
            Assert.That(sent, Has.All.StartsWith(BasePath + "/"));
            Assert.That(sent, Has.None.Contains("/x"));
            AssertDotPathsNeverRequested(report);
        });
    }
}
