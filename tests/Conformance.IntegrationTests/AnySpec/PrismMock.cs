using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conformance.IntegrationTests.AnySpec;

/// <summary>
/// A mock server made from an OpenAPI document by Stoplight Prism 5 (npm @stoplight/prism-cli), a tool nobody here
/// wrote: it answers each request with the document's own examples (or values made from its schemas) and refuses
/// requests the document does not allow. Installed into AnySpec/.prism of the test tree when missing (gitignored);
/// where node, npm or the registry is not there, the test is skipped with the reason.
/// </summary>
public sealed class PrismMock : IDisposable
{
    public const string Package = "@stoplight/prism-cli@5.16.0";
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismMock(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private static readonly Lazy<(string? Prism, string? Why)> Installed = new(Install);

    /// <summary>The prism command, installed when missing; the test is skipped, with the reason, where it cannot be.</summary>
    public static string Command()
    {
        var (prism, why) = Installed.Value;
        if (prism is null) Assert.Ignore($"Stoplight Prism is not available: {why}");
        return prism!;
    }

    private static (string?, string?) Install()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conformance.sln"))) root = root.Parent;
        if (root is null) return (null, "the checkout (Conformance.sln) was not found above the test binaries");
        var folder = Path.Combine(root.FullName, "tests", "Conformance.IntegrationTests", "AnySpec", ".prism");
        var prism = Path.Combine(folder, "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");
        if (File.Exists(prism)) return (prism, null);
        Directory.CreateDirectory(folder);
        try
        {
            var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder,
            };
            foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--prefix", folder, Package }) npm.ArgumentList.Add(arg);
            using var process = Process.Start(npm)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"npm install {Package} did not finish within 5 minutes");
            }
            return File.Exists(prism) ? (prism, null)
                : (null, $"npm install {Package} failed (exit {process.ExitCode}): {error.Result.Split('\n').LastOrDefault(l => l.Length > 0) ?? output.Result}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"npm could not be run ({e.Message}); Node.js and npm are needed");
        }
    }

    /// <summary>Starts Prism on a free loopback port for the document, and waits until it listens.</summary>
    public static PrismMock Start(string document)
    {
        var prism = Command();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo(prism) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "mock", "-h", "127.0.0.1", "-p", port.ToString(), document }) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var mock = new PrismMock(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => { lock (mock._log) mock._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (mock._log) mock._log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!mock.Log.Contains("Prism is listening"))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                mock.Dispose();
                Assert.Fail($"Prism did not start for {Path.GetFileName(document)}:\n{mock.Log}");
            }
            Thread.Sleep(100);
        }
        return mock;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
