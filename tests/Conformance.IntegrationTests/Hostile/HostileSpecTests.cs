using System.Text.Json.Nodes;
using System.Text;
using Conformance.Evidence;
using static Conformance.IntegrationTests.Hostile.LoopbackServer;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// Specs and profiles written to hurt the harness, each run through the real program: every run ends within its time
/// bound, with the documented exit code, one sentence and no stack trace, and a report wherever a run took place. A
/// canary on loopback records every connection made to it, proving that no `$ref` was fetched from where the fetch
/// policy forbids. Addresses off this machine (link-local, private) are only ever refused before connecting.
/// </summary>
public class HostileSpecTests
{
    private const int Usage = 2, CouldNotTest = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>An OpenAPI 3.1 document whose GET /thing answers 200 with <paramref name="schema"/>.</summary>
    private static string Spec(string schema, string components = "{}") =>
        """{"openapi": "3.1.0", "info": {"title": "hostile", "version": "1"}, "paths": {"/thing": {"get": {"responses": {"200": """
        + """{"description": "a thing", "content": {"application/json": {"schema": """ + schema + "}}}}}}}, "
        + """ "components": {"schemas": """ + components + "}}";

    private static string Write(string text, string? folder = null, string name = "openapi.json")
    {
        var file = Path.Combine(folder ?? Cli.TempDir(), name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>The API under test: GET /thing answers {"id": 1}.</summary>
    private static LoopbackServer Vendor() => Start((_, path) => path == "/thing" ? Reply.Json("""{"id": 1}""") : null);

    /// <summary>A run of the program with a report folder; the output never holds a stack trace.</summary>
    private static async Task<(Cli.Result Result, JsonNode? Report)> Run(TimeSpan bound, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync(bound, environment, [.. args, "--out", outDir]);
        TestContext.Out.WriteLine($"exit {result.ExitCode} in {result.Elapsed.TotalSeconds:0.0} s, peak working set {(result.PeakMemory ?? 0) / 1_048_576.0:0} MB");
        TestContext.Out.WriteLine(result.All);
        Assert.That(result.All, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception").And.Not.Contain("Stack overflow"), "no stack trace");
        var report = Path.Combine(outDir, "report.json");
        return (result, File.Exists(report) ? JsonNode.Parse(File.ReadAllText(report)) : null);
    }

    private static Task<(Cli.Result Result, JsonNode? Report)> Run(params string[] args) => Run(Bound, null, args);

    /// <summary>A run that took place but could not judge the response schema: exit 3, a report, the reason as a spec diagnostic.</summary>
    private static void AssertSchemaNotJudged((Cli.Result Result, JsonNode? Report) run, string reason)
    {
        Assert.That(run.Result.ExitCode, Is.EqualTo(CouldNotTest), run.Result.All);
        Assert.That(run.Report, Is.Not.Null, "a report is written");
        Assert.That(run.Report!["verdict"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(run.Report["diagnostics"]!.AsArray().Select(d => d!["message"]!.GetValue<string>()), Has.Some.Contains(reason));
        Assert.That(run.Report["results"]!.AsArray().Where(r => r!["check"]!.GetValue<string>() == "response-schema")
            .Select(r => r!["outcome"]!.GetValue<string>()), Is.EqualTo(new[] { "error" }), "never a silent pass");
    }

    private static void AssertRefusedBeforeRunning(Cli.Result result, string reason)
    {
        Assert.That(result.ExitCode, Is.EqualTo(Usage), result.All);
        Assert.That(Cli.Words(result.All), Does.Contain("Error").And.Contain(reason)); // wherever the sentence was wrapped
    }

    // ---- Recursive schemas: never a stack overflow (exit 134), always a report.

    [TestCase("""{"$ref": "#/components/schemas/self"}""", """{"self": {"allOf": [{"$ref": "#/components/schemas/self"}]}}""", "refers back to itself")]
    [TestCase("""{"$ref": "#/components/schemas/self"}""", """{"self": {"$ref": "#/components/schemas/self"}}""", "Cycle detected")]
    [TestCase("""{"$dynamicAnchor": "node", "$dynamicRef": "#node"}""", "{}", "refers back to itself")]
    public async Task A_schema_that_never_descends_into_the_body_is_an_error_with_a_report(string schema, string components, string reason)
    {
        using var vendor = Vendor();
        AssertSchemaNotJudged(await Run("run", "--spec", Write(Spec(schema, components)), "--url", vendor.Url), reason);
    }

    // ---- A pattern that backtracks without end against a hostile body: it times out, the run goes on.

    [Test]
    public async Task A_catastrophic_pattern_times_out_and_is_an_error_not_a_hang()
    {
        using var vendor = Start((_, path) => path == "/thing" ? Reply.Json($$"""{"id": "{{new string('a', 40)}}!"}""") : null);
        var run = await Run("run", "--spec", Write(Spec("""{"type": "object", "properties": {"id": {"type": "string", "pattern": "^(a+)+$"}}}""")),
            "--url", vendor.Url);
        Assert.That(run.Result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the pattern timed out");
        Assert.That(run.Report!["results"]!.AsArray().Where(r => r!["check"]!.GetValue<string>() == "response-schema")
            .Select(r => r!["outcome"]!.GetValue<string>()), Is.EqualTo(new[] { "error" }), "the harness could not judge it, and says so");
    }

    // ---- Remote $refs: only from the spec's own origin, a --ref-map folder, or a host --allow-remote-refs names.

    [Test]
    public async Task A_local_spec_never_fetches_a_ref_from_another_port_on_this_machine()
    {
        using var vendor = Vendor();
        using var canary = Canary();
        var run = await Run("run", "--spec", Write(Spec($$"""{"$ref": "{{canary.Url}}/schema.json"}""")), "--url", vendor.Url);
        AssertSchemaNotJudged(run, "--allow-remote-refs 127.0.0.1");
        Assert.That(canary.Connections, Is.Zero);
    }

    [Test]
    public async Task An_allowed_host_name_that_resolves_to_loopback_is_still_refused_for_a_local_spec()
    {
        using var vendor = Vendor();
        using var canary = Canary();
        var run = await Run("run", "--spec", Write(Spec($$"""{"$ref": "http://localhost:{{canary.Port}}/schema.json"}""")), "--url", vendor.Url,
            "--allow-remote-refs", "localhost");
        AssertSchemaNotJudged(run, "a loopback address");
        Assert.That(canary.Connections, Is.Zero, "the name was resolved and refused before connecting");
    }

    [Test]
    public async Task A_spec_given_by_url_reads_its_own_origin_and_another_port_only_when_allowed_even_through_a_redirect()
    {
        using var canary = Start((_, path) => path == "/schema.json" ? Reply.Json("""{"type": "object", "required": ["name"]}""") : null);
        using var api = Start((server, path) => path switch
        {
            "/openapi.json" => Reply.Json(Spec("""{"allOf": [{"$ref": "schemas/own.json"}, {"$ref": "CANARY/schema.json"}]}""".Replace("CANARY", canary.Url))),
            "/moved.json" => Reply.Json(Spec("""{"$ref": "schemas/moved.json"}""")),
            "/schemas/moved.json" => Reply.Redirect($"{canary.Url}/schema.json"),
            "/schemas/own.json" => Reply.Json("""{"type": "object", "required": ["id"]}"""),
            "/thing" => Reply.Json("""{"id": 1}"""),
            _ => null,
        });

        var refused = await Run("run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url);
        AssertSchemaNotJudged(refused, "--allow-remote-refs 127.0.0.1");
        Assert.That(canary.Connections, Is.Zero);
        Assert.That(api.Paths, Does.Contain("/schemas/own.json"), "the spec's own origin is read");
        AssertSchemaNotJudged(await Run("run", "--spec", $"{api.Url}/moved.json", "--url", api.Url), "--allow-remote-refs 127.0.0.1");
        Assert.That(canary.Connections, Is.Zero, "a $ref on the spec's origin that redirects away is not followed");

        var allowed = await Run("run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url, "--allow-remote-refs", "127.0.0.1");
        Assert.That(canary.Paths, Is.EqualTo(new[] { "/schema.json" }));
        Assert.That(allowed.Result.ExitCode, Is.EqualTo(1), "the fetched schema judges: the body has no name");
        Assert.That(allowed.Report!["verdict"]!.GetValue<string>(), Is.EqualTo("fail"));
    }

    [Test]
    public async Task Another_host_name_for_the_specs_own_server_is_another_origin()
    {
        using var api = Start((_, path) => path == "/thing" ? Reply.Json("""{"id": 1}""") : Reply.Json("""{"type": "object"}"""));
        using var spec = Start((_, path) => path == "/openapi.json"
            ? Reply.Json(Spec($$"""{"$ref": "http://localhost:{{api.Port}}/schemas/thing.json"}""")) : null);
        AssertSchemaNotJudged(await Run("run", "--spec", $"{spec.Url}/openapi.json", "--url", api.Url), "--allow-remote-refs localhost");
        Assert.That(api.Paths, Does.Not.Contain("/schemas/thing.json"));
    }

    [Test]
    public async Task A_spec_read_over_http_never_makes_the_harness_read_a_local_file()
    {
        var secret = Write("""{"type": "object", "required": ["id"]}""", name: "local-secret.json");
        using var api = Start((_, path) => path switch
        {
            "/openapi.json" => Reply.Json(Spec($$"""{"$ref": "{{new Uri(secret).AbsoluteUri}}"}""")),
            "/thing" => Reply.Json("""{"id": 1}"""),
            _ => null,
        });
        AssertSchemaNotJudged(await Run("run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url), "may not make the harness read local files");
    }

    [Test]
    public async Task A_local_specs_relative_refs_stay_inside_its_folder()
    {
        var root = Cli.TempDir();
        Write("""{"type": "object", "required": ["id"]}""", root, "outside/thing.json");
        using var vendor = Vendor();
        var run = await Run("run", "--spec", Write(Spec("""{"$ref": "../outside/thing.json"}"""), Path.Combine(root, "spec")), "--url", vendor.Url);
        AssertSchemaNotJudged(run, "outside the spec's own folder");
        var passwd = await Run("run", "--spec", Write(Spec("""{"$ref": "../../../../../../../../etc/passwd"}""")), "--url", vendor.Url);
        AssertSchemaNotJudged(passwd, "outside the spec's own folder");
    }

    [Test]
    public async Task An_id_is_resolved_from_the_spec_and_an_unknown_one_is_never_fetched()
    {
        using var canary = Canary();
        using var api = Start((_, path) => path switch
        {
            "/openapi.json" => Reply.Json(Spec("""{"$ref": "CANARY/ids/thing"}""".Replace("CANARY", canary.Url),
                """{"thing": {"$id": "CANARY/ids/thing", "type": "object", "required": ["id"]}}""".Replace("CANARY", canary.Url))),
            "/unknown.json" => Reply.Json(Spec("""{"$ref": "CANARY/ids/nobody-declared-this"}""".Replace("CANARY", canary.Url))),
            "/thing" => Reply.Json("""{"id": 1}"""),
            _ => null,
        });
        var declared = await Run("run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url);
        Assert.That(declared.Result.ExitCode, Is.Zero, "judged by the schema the spec declares under that $id");
        AssertSchemaNotJudged(await Run("run", "--spec", $"{api.Url}/unknown.json", "--url", api.Url), "--allow-remote-refs 127.0.0.1");
        Assert.That(canary.Connections, Is.Zero, "an identifier is never an address");
    }

    [Test]
    public async Task A_mapped_prefix_is_read_from_its_folder_and_never_fetched()
    {
        using var vendor = Vendor();
        using var canary = Canary();
        var folder = Cli.TempDir();
        Write("""{"type": "object", "required": ["name"]}""", folder, "schema.json");
        var run = await Run("run", "--spec", Write(Spec($$"""{"$ref": "{{canary.Url}}/schemas/schema.json"}""")), "--url", vendor.Url,
            "--ref-map", $"{canary.Url}/schemas/={folder}");
        Assert.That(run.Result.ExitCode, Is.EqualTo(1), "the mapped schema judges: the body has no name");
        Assert.That(canary.Connections, Is.Zero);
    }

    [Test]
    public async Task Link_local_and_private_addresses_are_refused_before_connecting()
    {
        using var api = Start((_, path) => path switch
        {
            "/openapi.json" => Reply.Json(Spec("""{"allOf": [{"$ref": "http://169.254.169.254/latest/meta-data/schema.json"}]}""")),
            "/private.json" => Reply.Json(Spec("""{"$ref": "http://10.0.0.1/schema.json"}""")),
            "/thing" => Reply.Json("""{"id": 1}"""),
            _ => null,
        });
        // Even a host the user allows is not reached when it is link-local (the cloud metadata service).
        var metadata = await Run(TimeSpan.FromSeconds(30), null, "run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url,
            "--allow-remote-refs", "169.254.169.254");
        AssertSchemaNotJudged(metadata, "a link-local address");
        AssertSchemaNotJudged(await Run(TimeSpan.FromSeconds(30), null, "run", "--spec", $"{api.Url}/private.json", "--url", api.Url),
            "--allow-remote-refs 10.0.0.1");
    }

    // ---- The spec's own download: redirects and size.

    [Test]
    public async Task A_spec_url_that_redirects_to_a_file_is_refused_in_one_sentence()
    {
        using var api = Start((_, path) => path == "/openapi.json" ? Reply.Redirect("file:///etc/passwd") : null);
        var (result, _) = await Run("run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url);
        AssertRefusedBeforeRunning(result, "only follows redirects that keep its scheme");
        Assert.That(result.All, Does.Not.Contain("UriFormatException"));
    }

    [TestCase(5, 0)]
    [TestCase(6, Usage)]
    public async Task A_spec_download_follows_at_most_five_redirects(int redirects, int exitCode)
    {
        using var api = Start((_, path) => path switch
        {
            _ when path.StartsWith("/hop/") && int.Parse(path[5..]) is var hop && hop < redirects => Reply.Redirect($"/hop/{hop + 1}"),
            _ when path.StartsWith("/hop/") => Reply.Json(Spec("""{"type": "object"}""")),
            "/thing" => Reply.Json("""{"id": 1}"""),
            _ => null,
        });
        var (result, _) = await Run("run", "--spec", $"{api.Url}/hop/0", "--url", api.Url);
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.All);
        if (exitCode == Usage) Assert.That(result.All, Does.Contain("still redirects after 5 redirects"));
    }

    [Test]
    public async Task A_spec_redirected_to_the_cloud_metadata_address_is_refused_before_connecting()
    {
        using var api = Start((_, path) => path == "/openapi.json" ? Reply.Redirect("http://169.254.169.254/latest/meta-data/") : null);
        var (result, _) = await Run(TimeSpan.FromSeconds(30), null, "run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url);
        AssertRefusedBeforeRunning(result, "a link-local address");
    }

    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Test]
    public async Task A_50_mb_local_spec_is_refused_without_being_read()
    {
        var file = Path.Combine(Cli.TempDir(), "huge.json");
        await using (var stream = File.Create(file))
        {
            stream.Write("{\"openapi\": \"3.1.0\", \"x\": \""u8);
            var chunk = Enumerable.Repeat((byte)'a', 1024 * 1024).ToArray();
            for (var i = 0; i < 50; i++) stream.Write(chunk);
            stream.Write("\"}"u8);
        }
        var (result, _) = await Run(TimeSpan.FromSeconds(30), null, "run", "--spec", file, "--url", "http://127.0.0.1:1");
        AssertRefusedBeforeRunning(result, "is larger than 20 MB");
        Assert.That(result.PeakMemory ?? 0, Is.LessThan(200L * 1024 * 1024));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_50_mb_spec_download_is_stopped_at_the_cap(bool chunked)
    {
        using var api = Start((_, path) => path == "/openapi.json"
            ? new Reply(200, """{"openapi": "3.1.0", "x": "FILLER"}""", Filler: FiftyMegabytes, Chunked: chunked) : null);
        var (result, _) = await Run(TimeSpan.FromSeconds(30), null, "run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url);
        AssertRefusedBeforeRunning(result, "is larger than 20 MB");
        TestContext.Out.WriteLine($"the server sent {api.BytesSent / 1_048_576.0:0.0} MB of {FiftyMegabytes / 1_048_576} MB");
        Assert.That(api.BytesSent, Is.LessThan(FiftyMegabytes), "the download stopped at the cap (or, with a Content-Length, before the body)");
        Assert.That(result.PeakMemory ?? 0, Is.LessThan(300L * 1024 * 1024));
    }

    [Test]
    public async Task An_oversized_referenced_document_is_an_error_with_a_report()
    {
        using var api = Start((_, path) => path switch
        {
            "/openapi.json" => Reply.Json(Spec("""{"$ref": "huge.json"}""")),
            "/huge.json" => new Reply(200, """{"type": "object", "description": "FILLER"}""", Filler: 21L * 1024 * 1024, Chunked: true),
            "/thing" => Reply.Json("""{"id": 1}"""),
            _ => null,
        });
        AssertSchemaNotJudged(await Run("run", "--spec", $"{api.Url}/openapi.json", "--url", api.Url), "is larger than 20 MB");
    }

    // ---- YAML written to explode: refused quickly, whichever file holds it.

    private static string AliasBomb(string document)
    {
        var text = new StringBuilder(document).Append("x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
            text.Append($"x-{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{(char)(level - 1)}", 9))}]\n");
        return text.ToString();
    }

    [Test]
    public async Task An_alias_bomb_in_a_spec_is_refused_quickly()
    {
        var file = Write(AliasBomb("openapi: 3.1.0\ninfo: {title: bomb, version: '1'}\npaths: {}\n"), name: "openapi.yaml");
        var (result, _) = await Run(TimeSpan.FromSeconds(20), null, "run", "--spec", file, "--url", "http://127.0.0.1:1");
        AssertRefusedBeforeRunning(result, "an alias bomb is refused");
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(result.PeakMemory ?? 0, Is.LessThan(200L * 1024 * 1024));
    }

    [Test]
    public async Task An_alias_bomb_in_a_vendor_profile_is_refused_quickly()
    {
        var file = Write(AliasBomb("vendor: V\nproduct: P\nstandard: oruk-3.0\nbase_url: http://127.0.0.1:1\n"), name: "vendor.yaml");
        var (result, _) = await Run(TimeSpan.FromSeconds(20), null, "run", "--profile", file);
        AssertRefusedBeforeRunning(result, "an alias bomb is refused");
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task An_alias_bomb_in_a_standard_profile_is_refused_quickly()
    {
        var standards = Cli.TempDir();
        Write(AliasBomb("id: bomb-1.0\nname: Bomb\nversion: '1.0'\n"), Path.Combine(standards, "bomb-1.0"), "profile.yaml");
        var (result, _) = await Run(TimeSpan.FromSeconds(20), new Dictionary<string, string> { ["CONFORMANCE_STANDARDS"] = standards },
            "run", "--standard", "bomb-1.0", "--url", "http://127.0.0.1:1");
        AssertRefusedBeforeRunning(result, "an alias bomb is refused");
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task A_spec_nested_a_million_levels_deep_is_refused()
    {
        var file = Write("openapi: 3.1.0\nx: " + new string('[', 1_000_000) + new string(']', 1_000_000) + "\n", name: "openapi.yaml");
        var (result, _) = await Run(TimeSpan.FromSeconds(20), null, "run", "--spec", file, "--url", "http://127.0.0.1:1");
        AssertRefusedBeforeRunning(result, "nests deeper than 64 levels");
    }
}
