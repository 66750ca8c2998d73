using Conformance.Running;
using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// One line per request, so long runs show where they are, in a terminal or a CI log alike. A line never shows a
/// secret (a server may hand one back as a record id).
/// </summary>
public sealed class ConsoleProgress(Func<IReadOnlyCollection<string>> secrets) : IProgress<RunProgress>
{
    public void Report(RunProgress value) =>
        AnsiConsole.MarkupLineInterpolated($"[grey][[{value.OperationIndex}/{value.OperationCount}]] {value.Operation} {Conformance.Http.Redaction.Mask(value.Purpose, secrets())}[/]");
}
