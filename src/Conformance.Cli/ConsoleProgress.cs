using Conformance.Running;
using Spectre.Console;

namespace Conformance.Cli;

/// <summary>One line per request, so long runs show where they are, in a terminal or a CI log alike.</summary>
public sealed class ConsoleProgress : IProgress<RunProgress>
{
    public void Report(RunProgress value) =>
        AnsiConsole.MarkupLineInterpolated($"[grey][[{value.OperationIndex}/{value.OperationCount}]] {value.Operation} {value.Purpose}[/]");
}
