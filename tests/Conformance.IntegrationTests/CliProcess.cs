using System.Diagnostics;
using System.Text;

namespace Conformance.IntegrationTests;

/// <summary>
/// The real `conformance` program started in the background, for tests that must act while it runs (send it a
/// signal) or give it an environment (secrets come from environment variables).
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly string[] _args;

    public CliProcess(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        _args = args;
        var start = Cli.StartInfo(environment, args);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_error) _error.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }
    public string All => Output + Error;

    /// <summary>Waits until the output holds the text (the run has got that far), or fails the test.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > within) Assert.Fail($"'{text}' never appeared in the output:\n{All}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends a POSIX signal by name (TERM, HUP, INT) with the system's kill.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString()])!;
        kill.WaitForExit();
    }

    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // the output readers finish
        Cli.AssertNotAborted(_process.ExitCode, All);
        Cli.HoldReportToSchema(_args);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
