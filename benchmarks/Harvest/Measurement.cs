using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Specs;
using Json.Schema;

namespace Conformance.Benchmarks;

/// <summary>
/// One feed size measured three ways against the same in-process server: a plain fetch of every page (the floor
/// for any client), the same fetch with bare JsonSchema.Net validation of every page (the floor for any harness
/// that validates every record), and the harness's own full harvest as a separate process, with its peak memory.
/// </summary>
public sealed record Measurement(int Services, int Pages, double FetchSeconds, double ValidateSeconds, double HarnessSeconds,
    long HarnessPeakBytes, int HarnessExit, string Verdict, long Requests, long Records, long KeptBytes)
{
    public static async Task<Measurement> TakeAsync(int services, string cli, IReadOnlyList<string> extra)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var feed = new GeneratedFeed(ReferenceData.Load(Path.Combine(catalogue.Root, "oruk-3.0", "reference")), services);
        using var server = ReferenceServer.Start(feed.Handle);
        var pages = (services + Page.DefaultPerPage - 1) / Page.DefaultPerPage;
        var urls = Enumerable.Range(1, pages).Select(p => $"{server.Url}/services?page={p}").ToList();

        var kept = await KeptAsync(server.Url, catalogue); // first, while this process holds nothing else

        using var http = new HttpClient();
        foreach (var url in urls.Take(20)) await http.GetByteArrayAsync(url); // warm both ends up
        var fetch = Stopwatch.StartNew();
        foreach (var url in urls) await http.GetByteArrayAsync(url);
        fetch.Stop();

        var (_, spec) = ConformanceRun.Prepare("oruk-3.0", null, new FetchPolicy(), catalogue);
        var pointer = spec.Find("GET", "/services")!.ResponseFor(200)!.Content[0].SchemaPointer!;
        var schema = spec.Schemas.At(pointer).Schema!;
        var flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true, FormatRegistry = FormatAssertion.Registry };
        var validate = Stopwatch.StartNew();
        var invalid = 0;
        foreach (var url in urls)
        {
            using var page = JsonDocument.Parse(await http.GetByteArrayAsync(url));
            if (!schema.Evaluate(page.RootElement, flag).IsValid) invalid++;
        }
        validate.Stop();
        if (invalid > 0) throw new InvalidOperationException($"{invalid} generated pages are invalid: the feed is wrong, not the harness.");

        var (seconds, peak, exit, report) = await HarvestAsync(cli, server.Url, extra);
        var validated = report["coverage"]!.AsArray().Sum(c => c!["recordsValidated"]!.GetValue<long>());
        return new Measurement(services, pages, fetch.Elapsed.TotalSeconds, validate.Elapsed.TotalSeconds, seconds, peak, exit,
            report["verdict"]!.GetValue<string>(), report["requestsSent"]!.GetValue<long>(), validated, kept);
    }

    /// <summary>The harness as a user runs it, with its peak resident memory read from /proc while it runs.</summary>
    private static async Task<(double Seconds, long Peak, int Exit, JsonNode Report)> HarvestAsync(string cli, string url, IReadOnlyList<string> extra)
    {
        var output = Directory.CreateTempSubdirectory("harvest-bench-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "run", "--standard", "oruk-3.0", "--url", url, "--harvest", "all", "--harvest-limit", "1000000",
                     "--rate", "unlimited", "--out", output }.Concat(extra))
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            await Task.Delay(20);
        }
        clock.Stop();
        var printed = await drain;
        var written = Path.Combine(output, "report.json");
        if (!File.Exists(written))
            throw new InvalidOperationException($"The harness wrote no report (exit {process.ExitCode}); it ended with:\n{string.Join('\n', string.Concat(printed).Split('\n').TakeLast(15))}");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(written))!;
        Directory.Delete(output, recursive: true);
        return (clock.Elapsed.TotalSeconds, peak, process.ExitCode, report);
    }

    /// <summary>
    /// What a finished harvest keeps, measured in this process through the library: the live heap after the run (held
    /// by its result) less the live heap before it. Peak resident memory also counts garbage the GC has not yet
    /// returned; this is what the run itself holds on to.
    /// </summary>
    private static async Task<long> KeptAsync(string url, Conformance.Standards.StandardCatalogue catalogue)
    {
        RunRequest Harvest(int pages) => RunRequest.From(null, new RunOverrides
        {
            Standard = "oruk-3.0", Url = url, HarvestAll = true, HarvestPages = pages, RequestsPerSecond = RunOverrides.Unlimited,
        });
        // A short harvest first, so what every run sets up once (compiled code, the spec's schemas) is not counted.
        GC.KeepAlive(await ConformanceRun.ExecuteAsync(await ConformanceRun.PrepareAsync(Harvest(2), catalogue)));
        var prepared = await ConformanceRun.PrepareAsync(Harvest(1_000_000), catalogue);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var result = await ConformanceRun.ExecuteAsync(prepared);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(result);
        return after - before;
    }

    /// <summary>VmHWM, the process's peak resident set so far; 0 once it has gone.</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    public static string Table(IReadOnlyList<Measurement> rows, int cores)
    {
        var text = new StringBuilder();
        text.AppendLine($"| services | pages | plain fetch | fetch + bare validation | harness harvest | harness ÷ validation floor | harness ÷ fetch | records validated/s | harness peak RSS | kept by the run | verdict |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Services:N0} | {r.Pages:N0} | {r.FetchSeconds:0.00} s | {r.ValidateSeconds:0.00} s | {r.HarnessSeconds:0.00} s | {r.HarnessSeconds / r.ValidateSeconds:0.0}× | {r.HarnessSeconds / r.FetchSeconds:0.0}× | {r.Records / r.HarnessSeconds:N0} | {r.HarnessPeakBytes / 1048576.0:0} MB | {r.KeptBytes / 1048576.0:0.0} MB | {r.Verdict} ({r.Requests:N0} requests) |"));
        text.AppendLine();
        text.AppendLine($"{cores} cores; {DateTime.UtcNow:yyyy-MM-dd}; .NET {Environment.Version}.");
        return text.ToString();
    }
}
