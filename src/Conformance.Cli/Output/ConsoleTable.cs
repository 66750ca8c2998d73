using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// A table whose headers are ours and whose cells are <see cref="ConsoleText"/>, laid out to fit where it is read
/// (<see cref="Fit"/>): as plain columns where every row fits on one line; in a terminal, as a bordered table where no
/// word has to break to fit its width; otherwise a block of lines per row, its first cells as a heading and each other
/// cell under it on its own line, named by its column (a CI log reads that at 100 columns).
/// </summary>
public sealed class ConsoleTable(params string[] columns)
{
    public enum Shape { Columns, Bordered, Lines }

    /// <summary>Spaces between plain columns.</summary>
    private const int Gap = 2;

    private readonly List<ConsoleText[]> _rows = [];

    /// <summary>How many of the first cells make a row's heading when the table is laid out as lines (default 1).</summary>
    public int HeadingColumns { get; init; } = 1;

    /// <summary>Columns shown without their name when laid out as lines (the message a heading introduces).</summary>
    public IReadOnlyCollection<string> Unnamed { get; init; } = [];

    public int Rows => _rows.Count;

    public ConsoleTable Row(params ConsoleText[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public Shape Fit(ConsoleLayout layout)
    {
        if (NaturalWidth() <= layout.Width) return Shape.Columns;
        if (layout.IsTerminal && NarrowestBordered() <= layout.Width) return Shape.Bordered;
        return Shape.Lines;
    }

    /// <summary>Each row on one line, columns padded to line up, under a line of headers.</summary>
    internal IEnumerable<ConsoleText> AsColumns()
    {
        var widths = Enumerable.Range(0, columns.Length).Select(c => Math.Max(columns[c].Length, _rows.Select(r => Width(Cell(r, c))).DefaultIfEmpty(0).Max())).ToList();
        yield return Pad(columns.Select(c => ConsoleText.Of($"[bold]{c}[/]")).ToList(), columns.Select(c => c.Length).ToList(), widths);
        foreach (var row in _rows)
        {
            var cells = Enumerable.Range(0, columns.Length).Select(c => Cell(row, c)).ToList();
            var height = cells.Max(c => Lines(c).Count);
            for (var line = 0; line < height; line++)
            {
                var pieces = cells.Select(c => Lines(c) is var lines && line < lines.Count ? lines[line] : ConsoleText.Of($"")).ToList();
                yield return Pad(pieces, pieces.Select(Width).ToList(), widths);
            }
        }
    }

    /// <summary>Each row as a heading line (its first <see cref="HeadingColumns"/> cells) and one line per other cell.</summary>
    internal IEnumerable<ConsoleText> AsLines()
    {
        var first = true;
        foreach (var row in _rows)
        {
            if (!first && columns.Length > HeadingColumns) yield return ConsoleText.Of($"");
            first = false;
            yield return ConsoleText.Join(Enumerable.Range(0, Math.Min(HeadingColumns, columns.Length))
                .Where(c => Width(Cell(row, c)) > 0)
                .Select((c, i) => i == 0 ? Cell(row, c) : ConsoleText.Of($"  {Cell(row, c)}")));
            for (var c = HeadingColumns; c < columns.Length; c++)
            {
                var lines = Lines(Cell(row, c));
                if (lines.All(l => Width(l) == 0)) continue;
                var name = Unnamed.Contains(columns[c]) ? "" : columns[c] + ": ";
                yield return ConsoleText.Of($"    [grey]{name}[/]{lines[0]}");
                foreach (var more in lines.Skip(1)) yield return ConsoleText.Join([ConsoleText.Of($"    {new string(' ', name.Length)}"), more]);
            }
        }
    }

    internal Table Build()
    {
        var table = new Table();
        foreach (var column in columns) table.AddColumn(new TableColumn(new Spectre.Console.Text(Conformance.Text.Visible.Escape(column))));
        foreach (var row in _rows) table.AddRow(Enumerable.Range(0, columns.Length).Select(c => Cell(row, c).Render()));
        return table;
    }

    /// <summary>Every row on one line: the widest cell of each column, and the gaps between them.</summary>
    private int NaturalWidth() =>
        Enumerable.Range(0, columns.Length).Sum(c => Math.Max(columns[c].Length, _rows.Select(r => Width(Cell(r, c))).DefaultIfEmpty(0).Max()))
        + Gap * (columns.Length - 1);

    /// <summary>The narrowest a bordered table can be without breaking a word: each column as wide as its longest word, and the borders.</summary>
    private int NarrowestBordered() =>
        Enumerable.Range(0, columns.Length).Sum(c => 3 + Math.Max(LongestWord(columns[c]), _rows.Select(r => LongestWord(Cell(r, c).Shown)).DefaultIfEmpty(0).Max())) + 1;

    private ConsoleText Cell(ConsoleText[] row, int column) => column < row.Length ? row[column] : ConsoleText.Of($"");

    private static ConsoleText Pad(IReadOnlyList<ConsoleText> cells, IReadOnlyList<int> used, IReadOnlyList<int> widths) =>
        ConsoleText.Join(cells.SelectMany((cell, i) => i == cells.Count - 1 ? [cell]
            : new[] { cell, ConsoleText.Of($"{new string(' ', widths[i] - used[i] + Gap)}") }));

    /// <summary>A cell's lines (a cell may list things one under the other), each as styled text.</summary>
    private static List<ConsoleText> Lines(ConsoleText cell) => cell.SplitLines();

    private static int Width(ConsoleText cell) => cell.Shown.Split('\n').Max(l => l.Length);

    private static int LongestWord(string text) => text.Split([' ', '\n']).Max(w => w.Length);
}
