using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// The console's one door: every line, table and progress bar the program shows goes through here, built as
/// <see cref="ConsoleText"/> (values shown escaped, never read as markup). Nothing else in the program writes to the
/// console (ConsoleDoorTests holds the source to that). Lines fit where they are read (<see cref="ConsoleLayout"/>):
/// a terminal's width, or 100 columns in a CI log or a file.
/// </summary>
public sealed class Terminal(IAnsiConsole console, ConsoleLayout? layout = null)
{
    /// <summary>Standard output, as Spectre has it set up.</summary>
    public static Terminal Out => new(AnsiConsole.Console);

    public IAnsiConsole Ansi => console;

    public ConsoleLayout Layout { get; } = layout ?? ConsoleLayout.Of(console);

    public void Line(ref ConsoleTextHandler line) => Line(line.ToText());

    public void Line(ConsoleText line)
    {
        // A terminal wraps to its width (Spectre does it); anywhere else the harness wraps, between words.
        console.Write(Layout.IsTerminal ? line.Render() : line.Render(Layout.Width));
        console.WriteLine();
    }

    public void Line() => console.WriteLine();

    /// <summary>
    /// A line never wrapped by the harness: a signer's claims (`verify`), each of which must read as one line so no part of
    /// a claim is moved onto a line of its own where it could pass for one of ours; and the report's path, which scripts read.
    /// </summary>
    public void Whole(ref ConsoleTextHandler line)
    {
        console.Write(line.ToText().Render());
        console.WriteLine();
    }

    /// <summary>
    /// One line of plain text, never wrapped or styled (a Markdown table row must stay one line): shown through
    /// <see cref="Conformance.Text.Visible.Escape"/> like any value, so it is as safe as any other line.
    /// </summary>
    public void Plain(string line)
    {
        console.Profile.Out.Writer.Write(Conformance.Text.Visible.Escape(line));
        console.Profile.Out.Writer.Write('\n');
    }

    /// <summary>A table as it fits (<see cref="ConsoleTable"/>): columns, a bordered table in a terminal, or a block of lines a row.</summary>
    public void Write(ConsoleTable table)
    {
        switch (table.Fit(Layout))
        {
            case ConsoleTable.Shape.Columns:
                foreach (var line in table.AsColumns()) Line(line);
                break;
            case ConsoleTable.Shape.Bordered:
                console.Write(table.Build());
                break;
            default:
                foreach (var line in table.AsLines()) Line(line);
                break;
        }
    }
}
