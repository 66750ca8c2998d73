using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// How the console's output is laid out. In a terminal: to the terminal's width, which Spectre wraps to. Anywhere else
/// (a CI log, a file, a pipe): lines wrapped by the harness at <see cref="ReadableWidth"/> columns between words, never
/// inside one, so a long URL or curl line stays whole (and copyable) on a line of its own; tables become lines.
/// </summary>
public sealed record ConsoleLayout(int Width, bool IsTerminal)
{
    /// <summary>What a CI log or a file reads well at.</summary>
    public const int ReadableWidth = 100;

    /// <summary>The narrowest a terminal is taken to be: below it, lines are laid out as if it were this wide.</summary>
    public const int NarrowestTerminal = 40;

    /// <summary>
    /// Spectre's own width where the harness wraps its lines itself: wide enough that Spectre never folds a line the
    /// harness laid out (a URL longer than <see cref="ReadableWidth"/> stays whole).
    /// </summary>
    public const int Unwrapped = 10_000;

    public static ConsoleLayout Of(IAnsiConsole console) => console.Profile.Out.IsTerminal
        ? new ConsoleLayout(Math.Max(NarrowestTerminal, console.Profile.Width), true)
        : new ConsoleLayout(ReadableWidth, false);

    /// <summary>
    /// Sets up the process's console before anything is written: output that is not a terminal is wrapped by the
    /// harness, not by Spectre; Spectre's own help and messages are given a console of their own, <see cref="ReadableWidth"/> wide.
    /// </summary>
    public static IAnsiConsole Configure()
    {
        if (!AnsiConsole.Profile.Out.IsTerminal) AnsiConsole.Profile.Width = Unwrapped;
        var help = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (!help.Profile.Out.IsTerminal) help.Profile.Width = ReadableWidth;
        return help;
    }
}
