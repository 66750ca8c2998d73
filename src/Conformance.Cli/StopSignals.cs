using System.Runtime.InteropServices;

namespace Conformance.Cli;

/// <summary>
/// Ctrl+C, SIGTERM (a CI job's timeout, `timeout`, `kill`) and SIGHUP (a closed terminal) all stop a run the same
/// way: the requests stop, and the reports are written with what was found, marked as cut short (exit 3).
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public StopSignals(CancellationTokenSource run)
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true; // the run ends itself, after writing its reports
                    Received ??= signal.ToString();
                    run.Cancel();
                }));
            }
            catch (PlatformNotSupportedException) { } // Windows has no SIGHUP: the others still stop the run
        }
    }

    /// <summary>The first signal received, if any.</summary>
    public string? Received { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _registrations.Clear();
    }
}
