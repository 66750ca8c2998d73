using System.Diagnostics;

namespace Conformance.IntegrationTests;

/// <summary>Runs the real `conformance` program (built beside the tests) and captures what a user would see.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
        /// <summary>The child process's peak working set, sampled while it ran (the kernel's high-water mark).</summary>
        public long PeakWorkingSet { get; init; }
        public TimeSpan Elapsed { get; init; }
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(2), null, args);

    /// <summary>A run that must end within <paramref name="limit"/>; past it the program is killed and the test fails.</summary>
    public static async Task<Result> RunAsync(TimeSpan limit, IReadOnlyDictionary<string, string>? environment, params string[] args)
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
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        using var timeout = new CancellationTokenSource(limit);
        var exited = process.WaitForExitAsync(timeout.Token);
        while (!exited.IsCompleted)
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException) { } // exited between the check and the read
            await Task.WhenAny(exited, Task.Delay(20));
        }
        try
        {
            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"conformance {string.Join(' ', args)} was still running after {limit.TotalSeconds:0} s and was killed.");
        }
        return new Result(process.ExitCode, await output, await error) { PeakWorkingSet = peak, Elapsed = clock.Elapsed };
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "conformance-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
