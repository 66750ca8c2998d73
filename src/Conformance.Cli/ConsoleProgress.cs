using System.Diagnostics;
using Conformance.Running;

namespace Conformance.Cli;

/// <summary>
/// One line per request, so long runs show where they are, in a terminal or a CI log alike; but a harvest's pages
/// are shown at most once a second (a line per page would be hundreds of kilobytes of log for a large feed, and
/// slow the run). A line never shows a secret (a server may hand one back as a record id), nor a control character
/// from the spec's paths or the server's ids (<see cref="Terminal"/>).
/// </summary>
public sealed class ConsoleProgress(Func<IReadOnlyCollection<string>> secrets) : IProgress<RunProgress>
{
    private static readonly TimeSpan PageInterval = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private string? _lastOperation;

    public void Report(RunProgress value)
    {
        var page = value.Purpose.StartsWith("middle page", StringComparison.Ordinal);
        if (page && value.Operation == _lastOperation && _sinceLast.Elapsed < PageInterval) return;
        _lastOperation = value.Operation;
        _sinceLast.Restart();
        Terminal.Out.Line($"[grey][[{value.OperationIndex}/{value.OperationCount}]] {value.Operation} {Conformance.Http.Redaction.Mask(value.Purpose, secrets())}[/]");
    }
}
