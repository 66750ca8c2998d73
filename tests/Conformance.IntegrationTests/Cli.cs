using System.Diagnostics;

namespace Conformance.IntegrationTests;

/// <summary>Runs the real `conformance` program (built beside the tests) and captures what a user would see.</summary>
public static class Cli
{
    /// <param name="PeakMemory">
    /// The program's peak resident memory in bytes (VmHWM, sampled while it ran; null where /proc is not there).
    /// </param>
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed, long? PeakMemory)
    {
        public string All => Output + Error;
    }

    /// <summary>Runs the program; one that is still running after <paramref name="bound"/> (default two minutes) is killed, and the test fails.</summary>
    public static Task<Result> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(2), args);

    public static Task<Result> RunAsync(TimeSpan bound, params string[] args) => RunAsync(bound, null, args);

    /// <param name="environment">Variables set for the program (secrets come from the environment).</param>
    public static Task<Result> RunAsync(TimeSpan bound, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(StartInfo(environment, args), bound);

    /// <summary>Runs any program so (the dotnet command, an installed tool): killed, and the test failed, if still running after <paramref name="bound"/>.</summary>
    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = WatchPeakMemoryAsync(process);
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(start.FileName)} {string.Join(' ', start.ArgumentList)} was still running after {bound.TotalSeconds:0} s.");
        }
        var result = new Result(process.ExitCode, await output, await error, clock.Elapsed, await peak);
        AssertNotAborted(result.ExitCode, result.All);
        HoldReportToSchema(start.ArgumentList);
        return result;
    }

    /// <summary>
    /// Whatever a test runs, the program never aborts: 134 is SIGABRT, which .NET raises on an unhandled exception
    /// (reports lost). Whatever the input, the program ends with an exit code of its own.
    /// </summary>
    public static void AssertNotAborted(int exitCode, string output) =>
        Assert.That(exitCode, Is.Not.EqualTo(134), $"the program aborted on an unhandled exception:\n{output}");

    /// <summary>Whatever a test runs, the report.json it leaves in --out must match docs/report.schema.json.</summary>
    public static void HoldReportToSchema(IList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i++)
            if (args[i] == "--out") Conformance.Tests.Reports.ReportSchema.AssertValidIn(args[i + 1]);
    }

    /// <summary>
    /// VmHWM, the kernel's record of the process's peak resident set, read every 20 ms until the process is gone: it
    /// only ever rises, so the last reading is the peak up to at most 20 ms before exit. Without /proc (Windows), the
    /// process's own peak working set, read the same way.
    /// </summary>
    private static async Task<long?> WatchPeakMemoryAsync(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        long? peak = null;
        while (!process.HasExited)
        {
            try
            {
                if (File.Exists(status))
                {
                    var line = (await File.ReadAllLinesAsync(status)).FirstOrDefault(l => l.StartsWith("VmHWM:"));
                    if (line is not null) peak = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
                }
                else if (OperatingSystem.IsWindows())
                {
                    process.Refresh();
                    peak = Math.Max(peak ?? 0, process.PeakWorkingSet64);
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException) { } // gone between the check and the read
            await Task.Delay(20);
        }
        return peak;
    }

    /// <summary>How the program is started: built beside the tests, its output captured, wide enough for a finding a line.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return start;
    }

    /// <summary>
    /// Output with every run of spaces and line breaks made one space: what a reader sees of a sentence the program
    /// wrapped at 100 columns (a CI log), for a test that looks for a sentence wherever it was wrapped.
    /// </summary>
    public static string Words(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "conformance-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
