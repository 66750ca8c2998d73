using System.Text;
using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// A server that echoes the credentials back, in every encoding and as a record id: the secrets appear in nothing the
/// run writes or prints. And values that could split a request are refused before one is sent.
/// </summary>
public class SecretLeakTests
{
    /// <summary>Sent as a header (Authorization: Bearer ...).</summary>
    private const string Token = "SEKRIT-abc-123-xyz";

    /// <summary>Sent as a query parameter of the target's URL, so in every request's URL.</summary>
    private const string QueryKey = "QKEY-789-uvw";

    /// <summary>Every form of a secret the echoing server sends, and so every form searched for afterwards.</summary>
    private static string[] Forms(string secret) =>
    [
        secret, secret.Replace("-", "\\u002d"), Uri.EscapeDataString(secret).Replace("-", "%2D"),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), secret.Replace("-", "&#45;"),
    ];

    /// <summary>
    /// Echoes both secrets everywhere an answer has room for them: the body, header values and a header's name, a cookie,
    /// the content type (once written whole as the HAR's content.mimeType) and a redirect within the origin.
    /// </summary>
    private static ReferenceServer Echoing()
    {
        var catalogue = Conformance.Running.ConformanceRun.DefaultCatalogue();
        var reference = new OpenReferralService(ReferenceData.Load(Path.Combine(catalogue.Root, "oruk-3.0", "reference")));
        return ReferenceServer.Start((method, path, query) =>
        {
            var key = query.GetValueOrDefault("key") ?? "";
            // The lookup of the echoed id is sent on once, to a URL holding both secrets.
            if (path.EndsWith("/" + Token) && !query.ContainsKey("again"))
                return new ReferenceResponse(302, null, Text: "")
                {
                    Headers = new Dictionary<string, string?> { ["Location"] = $"{path}?again={Uri.EscapeDataString(Token)}&key={Uri.EscapeDataString(key)}" },
                };
            var answer = reference.Handle(method, path, query);
            if (answer.Render() is not { } text) return answer;
            // The first service's id becomes the token (a progress line names ids), its description every other form
            // of both secrets; the query key is echoed as the server received it.
            var firstId = answer.Body?["contents"]?[0]?["id"]?.GetValue<string>();
            if (firstId is not null) text = text.Replace(firstId, Token);
            text = text.Replace("Free one-to-one advice", "Echo " + string.Join(" ", Forms(Token).Skip(1).Concat(Forms(key))));
            return answer with
            {
                Text = text,
                ContentType = $"text/html; token={Token}; key={key}",
                Headers = new Dictionary<string, string?>
                {
                    ["X-Echo"] = Token, ["X-Echo-Key"] = key, [$"X-{Token}"] = "name", ["Set-Cookie"] = $"session={Token}; Path=/{key}",
                    ["Link"] = $"<https://api.example/next?key={Uri.EscapeDataString(Token)}&other={Uri.EscapeDataString(key)}>",
                },
            };
        });
    }

    /// <summary>Every string anywhere in a JSON document, names and values.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [Test]
    public async Task Echoed_credentials_appear_in_no_file_the_run_writes_in_any_encoding()
    {
        using var server = Echoing();
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", $"{server.Url}/?key={QueryKey}",
            "--header", $"Authorization: Bearer {Token}", "--out", outDir);
        Assert.That(result.ExitCode, Is.Not.EqualTo(2), result.All);
        Assert.That(server.Requests.Where(r => !r.Url.Contains(QueryKey)), Is.Empty, "the key went with every request");
        var files = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories);
        Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(Conformance.Reports.ReportWriter.All.Select(r => r.FileName)), "every format was written");
        var outputs = files.ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        outputs["console"] = result.All;
        Assert.That(outputs["report.json"], Does.Contain("***"), "the echoes were there to be masked");
        Assert.That(outputs["exchanges.har"], Does.Contain("Echo ***"), "the bodies were there to be masked");
        foreach (var (name, text) in outputs)
            foreach (var form in Forms(Token).Concat(Forms(QueryKey)))
                Assert.That(text, Does.Not.Contain(form), $"{name} holds a secret as {form}");
        // Every field of every HAR entry, read as HAR readers read it (JSON escapes undone).
        var har = JsonNode.Parse(outputs["exchanges.har"])!;
        var entries = har["log"]!["entries"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(e => e!["response"]!["status"]!.GetValue<int>() == 302), Is.Not.Empty, "the redirect was followed");
            Assert.That(entries.Select(e => e!["response"]!["content"]!["mimeType"]!.GetValue<string>()), Has.Some.EqualTo("text/html; token=***; key=***"));
            Assert.That(entries.SelectMany(e => e!["response"]!["cookies"]!.AsArray()), Is.Not.Empty, "the cookies were there to be masked");
            foreach (var text in Strings(har))
                foreach (var form in Forms(Token).Concat(Forms(QueryKey)))
                    Assert.That(text, Does.Not.Contain(form), $"a HAR field holds a secret as {form}");
        });
    }

    [TestCase("X-Api-Key: abc\r\nX-Injected: yes")]
    [TestCase("X-Api-Key: abc\ndef")]
    public async Task A_header_holding_a_control_character_is_refused_before_any_request(string header)
    {
        using var server = ReferenceImplementations.Start(Conformance.Running.ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        var result = await Cli.RunAsync("run", "--standard", "oruk-3.0", "--url", server.Url, "--header", header, "--out", Cli.TempDir());
        Assert.That(result.ExitCode, Is.EqualTo(2), result.All);
        Assert.That(result.All, Does.Contain("control character").And.Not.Contain("Injected").And.Not.Contain("def"));
        Assert.That(server.Requests, Is.Empty, "nothing was sent");
    }

    [Test]
    public async Task A_credential_from_the_environment_holding_a_line_break_is_refused()
    {
        using var server = ReferenceImplementations.Start(Conformance.Running.ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        var profile = Path.Combine(Cli.TempDir(), "vendor.yaml");
        await File.WriteAllTextAsync(profile, $"""
            vendor: Example Ltd
            product: Directory
            standard: oruk-3.0
            base_url: {server.Url}
            auth: {"{"}type: api-key, header: X-Api-Key, secret_env: CONFORMANCE_TEST_KEY{"}"}
            """);
        using var run = new CliProcess(new Dictionary<string, string> { ["CONFORMANCE_TEST_KEY"] = "k3y-value\r\nX-Injected: yes" },
            "run", "--profile", profile, "--out", Cli.TempDir());
        Assert.That(await run.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(2), run.All);
        Assert.That(run.All, Does.Contain("control character").And.Not.Contain("k3y-value").And.Not.Contain("Injected"));
        Assert.That(server.Requests, Is.Empty);
    }
}
