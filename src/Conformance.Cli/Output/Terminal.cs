using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// The console's one door: every line, table and progress bar the program shows goes through here, built as
/// <see cref="ConsoleText"/> (values shown escaped, never read as markup). Nothing else in the program writes to the
/// console (ConsoleDoorTests holds the source to that).
/// </summary>
public sealed class Terminal(IAnsiConsole console)
{
    /// <summary>Standard output, as Spectre has it set up.</summary>
    public static Terminal Out => new(AnsiConsole.Console);

    public IAnsiConsole Ansi => console;

    public void Line(ref ConsoleTextHandler line) => Line(line.ToText());

    public void Line(ConsoleText line)
    {
        console.Write(line.Render());
        console.WriteLine();
    }

    public void Line() => console.WriteLine();

    /// <summary>
    /// One line of plain text, never wrapped or styled (a Markdown table row must stay one line): shown through
    /// <see cref="Conformance.Text.Visible.Escape"/> like any value, so it is as safe as any other line.
    /// </summary>
    public void Plain(string line)
    {
        console.Profile.Out.Writer.Write(Conformance.Text.Visible.Escape(line));
        console.Profile.Out.Writer.Write('\n');
    }

    public void Write(ConsoleTable table) => console.Write(table.Build());
}

/// <summary>A table whose headers are ours and whose cells are <see cref="ConsoleText"/>.</summary>
public sealed class ConsoleTable
{
    private readonly Table _table = new();

    public ConsoleTable(params string[] columns)
    {
        foreach (var column in columns) _table.AddColumn(new TableColumn(new Spectre.Console.Text(Conformance.Text.Visible.Escape(column))));
    }

    public int Rows => _table.Rows.Count;

    public ConsoleTable Row(params ConsoleText[] cells)
    {
        _table.AddRow(cells.Select(c => c.Render()));
        return this;
    }

    internal Table Build() => _table;
}
