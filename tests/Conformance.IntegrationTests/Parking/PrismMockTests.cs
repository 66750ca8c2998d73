using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests.Parking;

/// <summary>
/// A mock nobody here wrote: Stoplight Prism 5 (npm @stoplight/prism-cli) serving the published NPP document, judged
/// by a real run. It is installed into tests/Conformance.IntegrationTests/.tools/prism (gitignored) when missing; the
/// test is skipped, with the reason, where npm cannot install it. Every failure must be one of those named here: a
/// spec issue (an erratum), a limit of Prism's generator, or behaviour no schema-generated mock can have.
/// </summary>
[NonParallelizable]
public class PrismMockTests
{
    /// <summary>What a failure may be, each with the reason it is not the harness's misjudgement.</summary>
    private static readonly (Regex Rule, string Why)[] Named =
    [
        (new(@"emissions\.vehicleCharacteristics must be a list; found an object"),
            "spec issue NPP-1.0-E6: the document's own example of vehicleCharacteristics is one ValueRange, not a list"),
        (new(@"className must match the pattern"),
            "Prism's static generator writes \"string\" for a patterned string that has no example (DeletedReference.className)"),
        (new(@"must be greater than 0; found -3\.40282"),
            "Prism's static generator writes the lowest float for a number with exclusiveMinimum 0 (it ignores OpenAPI 3.1's numeric exclusiveMinimum)"),
    ];

    private const string DoesNotFilter = "a schema-generated mock answers every list alike: it cannot filter (filters-filter is right to fail it)";

    [Test]
    public async Task The_mock_of_the_published_document_fails_only_on_named_spec_issues_and_mock_limits()
    {
        var problems = await RunAgainstPrism(SharedFolder.Upstream("apds-npp", "npp", "apds4.yaml"));
        Assert.That(problems.Where(p => p.Why is null).Select(p => p.Problem), Is.Empty, "every failure is named");
        Assert.That(problems.Select(p => p.Why), Has.Some.StartsWith("spec issue NPP-1.0-E6"), "the spec issue is found in the mock's answers");
        TestContext.Out.WriteLine(string.Join("\n", problems.Select(p => $"{p.Problem}\n    → {p.Why}")));
    }

    [Test]
    public async Task The_mock_of_the_document_with_the_errata_applied_fails_only_on_mock_limits()
    {
        var errata = ConformanceRun.DefaultCatalogue().Load("npp-1.0").Errata;
        var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(SharedFolder.Upstream("apds-npp", "npp", "apds4.yaml"), errata);
        var corrected = Path.Combine(Directory.CreateTempSubdirectory("npp-errata-").FullName, "apds4-corrected.json");
        File.WriteAllText(corrected, spec.Root.ToJsonString());
        var problems = await RunAgainstPrism(corrected);
        Assert.That(problems.Where(p => p.Why is null).Select(p => p.Problem), Is.Empty, "every failure is named");
        Assert.That(problems.Select(p => p.Why), Has.None.StartsWith("spec issue"), "with the errata applied, no spec issue is left");
        Assert.That(problems.Select(p => p.Why).Distinct(), Does.Contain(DoesNotFilter));
    }

    /// <summary>Each failed result's problems, each with the name it goes by here (null: unnamed, a misjudgement).</summary>
    private static async Task<List<(string Problem, string? Why)>> RunAgainstPrism(string document)
    {
        var prism = Installed();
        var port = FreePort();
        using var mock = Process.Start(new ProcessStartInfo(prism, ["mock", "-h", "127.0.0.1", "-p", port.ToString(), document])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        try
        {
            mock.OutputDataReceived += (_, _) => { };
            mock.ErrorDataReceived += (_, _) => { };
            mock.BeginOutputReadLine();
            mock.BeginErrorReadLine();
            var target = new Uri($"http://127.0.0.1:{port}");
            await Ready(target, mock);
            var result = await ConformanceRun.ExecuteAsync(new RunRequest
            {
                StandardId = "npp-1.0", Target = target,
                // Prism checks that a bearer token is there, not which: any will do.
                Probe = new Http.ProbeSettings { Headers = [new("Authorization", "Bearer prism-accepts-any-token")], Timeout = TimeSpan.FromSeconds(30) },
            }, ConformanceRun.DefaultCatalogue());
            Assert.That(result.Results.Where(r => r.Outcome == Outcome.Error), Is.Empty, "the mock could be judged throughout");
            var problems = new List<(string, string?)>();
            foreach (var failed in result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning))
            {
                if (failed.Check == "filters-filter")
                {
                    problems.Add(($"{failed.Operation}: {failed.Message}", DoesNotFilter));
                    continue;
                }
                var parts = Regex.Match(failed.Message, @"^\d+ problems: (.*)$") is { Success: true } many
                    ? Regex.Split(many.Groups[1].Value, @"(?:^|; )\(\d+\) ").Where(p => p.Length > 0) : [failed.Message];
                foreach (var part in parts)
                    problems.Add(($"{failed.Check} {failed.Operation}: {part}", Named.FirstOrDefault(n => failed.Check == "response-schema" && n.Rule.IsMatch(part)).Why));
            }
            return problems;
        }
        finally
        {
            if (!mock.HasExited) mock.Kill(entireProcessTree: true);
            await mock.WaitForExitAsync();
        }
    }

    /// <summary>The prism command, installed into the test tree from npm when missing; the test is skipped where it cannot be.</summary>
    private static string Installed()
    {
        var folder = Path.Combine(Checkout.Root, "tests", "Conformance.IntegrationTests", ".tools", "prism");
        var command = Path.Combine(folder, "node_modules", ".bin", "prism");
        if (File.Exists(command)) return command;
        Directory.CreateDirectory(folder);
        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["install", "--prefix", folder, "@stoplight/prism-cli@5", "--no-audit", "--no-fund"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            var errors = npm.StandardError.ReadToEndAsync();
            _ = npm.StandardOutput.ReadToEndAsync();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(10))) npm.Kill(entireProcessTree: true);
            if (!File.Exists(command))
                Assert.Ignore($"Stoplight Prism could not be installed from npm ({errors.Result.Trim().Split('\n').LastOrDefault()}).");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Ignore($"npm is not available to install Stoplight Prism: {e.Message}");
        }
        return command;
    }

    /// <summary>Until the mock answers (401: it wants a token), or a minute has gone by.</summary>
    private static async Task Ready(Uri target, Process mock)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(1); await Task.Delay(250))
        {
            if (mock.HasExited) Assert.Fail($"Prism stopped at once (exit {mock.ExitCode}).");
            try
            {
                using var answer = await client.GetAsync(new Uri(target, "/places"));
                return;
            }
            catch (HttpRequestException)
            {
            }
        }
        Assert.Fail("Prism did not start listening within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
