using System.Text;
using System.Text.Json.Nodes;
using Conformance.IntegrationTests.Hostile;
using Conformance.Reference.Defects;

namespace Conformance.IntegrationTests;

/// <summary>
/// conformance stand-in through the real program, as a supplier runs it: started with a ready file, a client pointed at
/// the URL it gives, the verdict in the exit code and the reports; stopped by the scenario's end, --until-idle or SIGTERM;
/// refusing bad flags with exit 2; keeping whatever a hostile client sends inert in every sink.
/// </summary>
public class StandInCliTests
{
    private static readonly Dictionary<string, string> NoColor = new() { ["NO_COLOR"] = "1" };

    /// <summary>The stand-in started in the background; what its ready file says, once it is listening.</summary>
    private static async Task<(CliProcess Process, StandInAddress Address, JsonNode Ready)> StartAsync(string outDir, params string[] more)
    {
        var ready = Path.Combine(outDir, "..", $"ready-{Guid.NewGuid():N}.json");
        var process = new CliProcess(NoColor, ["stand-in", "--standard", "open311-georeport-v2", "--ready-file", ready, "--out", outDir, .. more]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(ready))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) Assert.Fail($"no ready file:\n{process.All}");
            await Task.Delay(100);
        }
        var json = JsonNode.Parse(await File.ReadAllTextAsync(ready))!;
        var address = new StandInAddress(new Uri(json["url"]!.GetValue<string>()),
            json["credentials"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<string>()),
            json["values"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<string>()));
        return (process, address, json);
    }

    [Test]
    public async Task Two_commands_test_a_client_the_stand_in_stops_when_the_scenario_is_done_and_the_verdict_is_the_exit_code()
    {
        var outDir = Cli.TempDir();
        var (process, address, ready) = await StartAsync(outDir);
        using (process)
        {
            Assert.That((address.Url.Host, ready["scenario"]!.GetValue<string>(), ready["role"]!.GetValue<string>()),
                Is.EqualTo(("127.0.0.1", "report-a-problem", "reporting client")));
            await new Open311Client().RunAsync(address);
            Assert.That(await process.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.Zero, process.All);
        }
        Assert.That(Cli.Words(process.Output), Does.Contain("Scenario report-a-problem (Report a problem): 4 of 4 step(s) done by the client.")
            .And.Contain("The stand-in stopped: the scenario was complete.").And.Contain("Verdict: pass"));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.That((report["verdict"]!.GetValue<string>(), report["client"]!["role"]!.GetValue<string>()), Is.EqualTo(("pass", "reporting client")));
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName), Is.SupersetOf(new[] { "report.json", "report.html", "summary.md", "junit.xml", "exchanges.har" }));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "exchanges.har")), Does.Not.Contain(address.Credentials["api_key"]));
    }

    [Test]
    public async Task A_defective_client_fails_with_its_finding_on_the_console_and_the_certificate_is_refused()
    {
        var outDir = Cli.TempDir();
        var keys = Cli.TempDir();
        Assert.That((await Cli.RunAsync("keygen", "--out", keys)).ExitCode, Is.Zero);
        var (process, address, _) = await StartAsync(outDir, "--sign", Path.Combine(keys, "signing-key.pem"), "--until-idle", "2");
        using (process)
        {
            await new Open311Client { GivesRequiredAttributes = false }.RunAsync(address);
            Assert.That(await process.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(1), process.All);
        }
        Assert.That(Cli.Words(process.Output), Does.Contain("request-attributes").And.Contain("attribute[depth] is missing").And.Contain("No certificate: the verdict is fail"));
        Assert.That(Path.Combine(outDir, "certificate.json"), Does.Not.Exist);
    }

    [Test]
    public async Task A_passing_client_is_certified_and_verify_names_its_role_and_scenario()
    {
        var outDir = Cli.TempDir();
        var keys = Cli.TempDir();
        Assert.That((await Cli.RunAsync("keygen", "--out", keys)).ExitCode, Is.Zero);
        var (process, address, _) = await StartAsync(outDir, "--sign", Path.Combine(keys, "signing-key.pem"));
        using (process)
        {
            await new Open311Client().RunAsync(address);
            Assert.That(await process.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.Zero, process.All);
        }
        var verify = await Cli.RunAsync("verify", Path.Combine(outDir, "certificate.json"), "--key", Path.Combine(keys, "signing-key.pub.pem"),
            "--report", Path.Combine(outDir, "report.json"));
        Assert.That(verify.ExitCode, Is.Zero, verify.All);
        Assert.That(verify.Output, Does.Contain("client    a reporting client, playing report-a-problem (Report a problem)"));
    }

    [Test]
    public async Task A_client_that_never_completes_is_inconclusive_once_idle_and_says_what_was_not_done()
    {
        var outDir = Cli.TempDir();
        var (process, address, _) = await StartAsync(outDir, "--until-idle", "2");
        using (process)
        {
            await new Open311Client { StopsBeforePosting = true }.RunAsync(address);
            Assert.That(await process.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(3), process.All);
        }
        Assert.That(Cli.Words(process.Output), Does.Contain("The stand-in stopped: the client sent nothing for 2 s (--until-idle).")
            .And.Contain("Not done: step post: POST /requests.{response_format}").And.Contain("Verdict: inconclusive"));
    }

    [Test]
    public async Task Sigterm_stops_it_and_what_was_sent_is_still_judged_and_reported()
    {
        var outDir = Cli.TempDir();
        var (process, _, _) = await StartAsync(outDir);
        using (process)
        {
            process.Signal("TERM");
            Assert.That(await process.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(3), process.All);
        }
        Assert.That(Cli.Words(process.Output), Does.Contain("The stand-in stopped: stopped by SIGTERM.").And.Contain("Verdict: inconclusive"));
        Assert.That(Path.Combine(outDir, "report.json"), Does.Exist);
    }

    [TestCase("--for", "0", "--for must be a duration above 0 and at most a day (a number of seconds, or 90s, 5m, 1h), not '0'.")]
    [TestCase("--for", "2d", "--for must be a duration above 0 and at most a day (a number of seconds, or 90s, 5m, 1h), not '2d'.")]
    [TestCase("--until-idle", "soon", "--until-idle must be a number of seconds above 0 and at most an hour, not 'soon'.")]
    [TestCase("--listen", "localhost", "--listen must be an IP address (127.0.0.1, or 0.0.0.0 for every interface), not 'localhost'.")]
    [TestCase("--scenario", "chat", "open311-georeport-v2 has no scenario 'chat' (it has: report-a-problem, report-a-problem-under-load).")]
    [TestCase("--max-body", "100", "--max-body must be a whole number of megabytes from 1 to 64, not '100'.")]
    public async Task A_bad_flag_is_refused_with_exit_2_in_the_limit_s_words(string flag, string value, string said)
    {
        var run = await Cli.RunAsync("stand-in", "--standard", "open311-georeport-v2", flag, value, "--out", Cli.TempDir());
        Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
        Assert.That(Cli.Words(run.Output), Does.Contain($"Error: {said}"));
    }

    [Test]
    public async Task A_standard_without_a_stand_in_is_refused_naming_those_with_one()
    {
        var run = await Cli.RunAsync("stand-in", "--standard", "oruk-3.0", "--out", Cli.TempDir());
        Assert.That(run.ExitCode, Is.EqualTo(2), run.All);
        Assert.That(Cli.Words(run.Output), Does.Contain("has no client scenarios"));
    }

    [Test]
    public async Task Whatever_a_hostile_client_sends_reaches_the_console_summary_and_junit_only_as_inert_text()
    {
        var outDir = Cli.TempDir();
        var (process, address, _) = await StartAsync(outDir, "--until-idle", "2");
        using (process)
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var hostile = Inert.Terminal + Inert.Markdown;
            await http.GetAsync(new Uri(address.Url, "things" + Uri.EscapeDataString(hostile)));
            await http.PostAsync(new Uri(address.Url, "requests.json"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = address.Credentials["api_key"], ["service_code"] = hostile, ["lat"] = hostile, ["long"] = "1",
                ["description"] = "<script>alert(1)</script>" + hostile,
            }));
            Assert.That(await process.ExitCodeAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(1), process.All);
        }
        Inert.AssertConsole(process.All);
        Assert.That(Cli.Words(process.Output), Does.Contain(@"found ""\u001B]0;pwned\u0007").And.Contain("found GET \"/things%1B%5D0%3Bpwned"),
            "the hostile values are quoted, escaped (JSON escapes, the path as sent)");
        Inert.AssertJunit(Path.Combine(outDir, "junit.xml"));
        var summary = Inert.AssertMarkdown(File.ReadAllText(Path.Combine(outDir, "summary.md")));
        Assert.That(Inert.Code(summary), Has.Some.Contains("request-references").Or.Some.Contains("pwned"));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.That(html, Does.Not.Contain("<script>alert(1)").And.Not.Contain("<img src=x"), "a client's text is encoded in the HTML report");
        Assert.That(Inert.Tree(outDir), Is.EquivalentTo(new[] { "exchanges.har", "junit.xml", "report.html", "report.json", "summary.md" }));
    }
}
