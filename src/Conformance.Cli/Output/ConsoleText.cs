using System.Globalization;
using System.Runtime.CompilerServices;
using Conformance.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Conformance.Cli;

/// <summary>
/// A line (or cell) for the console, built by interpolation: <c>ConsoleText.Of($"[grey]wrote {path}[/]")</c>. The
/// literal parts are ours and may hold style tags (<c>[red]</c>, <c>[/]</c>, <c>[[</c> for a bracket); every value
/// is outside text until proven otherwise: it never passes through Spectre's markup (which would read its brackets
/// as styles and its <c>:names:</c> as emoji) and is shown through <see cref="Visible.Escape"/>, so no control
/// character, escape sequence or bidirectional override from input reaches the terminal, and no line it holds can
/// pass for one of ours.
/// </summary>
public sealed class ConsoleText
{
    internal readonly record struct Part(string Text, bool Markup);

    private readonly IReadOnlyList<Part> _parts;

    internal ConsoleText(IReadOnlyList<Part> parts) => _parts = parts;

    internal IReadOnlyList<Part> Parts => _parts;

    public static ConsoleText Of(ref ConsoleTextHandler text) => text.ToText();

    /// <summary>Lines of text, one under the other (a table cell that lists things).</summary>
    public static ConsoleText Lines(IEnumerable<ConsoleText> lines)
    {
        var parts = new List<Part>();
        foreach (var line in lines)
        {
            if (parts.Count > 0) parts.Add(new Part("\n", Markup: true));
            parts.AddRange(line._parts);
        }
        return new ConsoleText(parts);
    }

    /// <summary>The lines <see cref="Lines"/> put one under the other, each on its own.</summary>
    internal List<ConsoleText> SplitLines()
    {
        var lines = new List<ConsoleText>();
        var current = new List<Part>();
        foreach (var part in _parts)
        {
            if (part is { Markup: true, Text: "\n" })
            {
                lines.Add(new ConsoleText(current));
                current = [];
            }
            else current.Add(part);
        }
        lines.Add(new ConsoleText(current));
        return lines;
    }

    /// <summary>Pieces of text one after the other (a table row laid out as a line).</summary>
    public static ConsoleText Join(IEnumerable<ConsoleText> pieces) => new(pieces.SelectMany(p => p._parts).ToList());

    /// <summary>What Spectre writes: a paragraph of styled runs; values are plain runs, never markup.</summary>
    public IRenderable Render() => Paragraph(Runs());

    /// <summary>
    /// The same, wrapped at <paramref name="width"/> columns between words: a line broken is carried on under its own
    /// indent and two more spaces; a word longer than the width is never split, so a URL stays whole on a line of its own.
    /// </summary>
    public IRenderable Render(int width) => Paragraph(LineWrap.Wrap(Runs(), width));

    private static Paragraph Paragraph(IEnumerable<(string Text, Style Style)> runs)
    {
        var paragraph = new Paragraph();
        foreach (var (text, style) in runs)
            if (text.Length > 0) paragraph.Append(text, style);
        return paragraph;
    }

    /// <summary>The text as styled runs: each value escaped (<see cref="Visible.Escape"/>), each literal read for its style tags.</summary>
    internal List<(string Text, Style Style)> Runs()
    {
        var runs = new List<(string, Style)>();
        var styles = new Stack<Style>();
        styles.Push(Style.Plain);
        foreach (var part in _parts)
        {
            if (!part.Markup)
            {
                var text = Visible.Escape(part.Text);
                if (text.Length > 0) runs.Add((text, styles.Peek()));
                continue;
            }
            var run = new System.Text.StringBuilder();
            var markup = part.Text;
            for (var i = 0; i < markup.Length; i++)
            {
                var c = markup[i];
                if ((c == '[' || c == ']') && i + 1 < markup.Length && markup[i + 1] == c)
                {
                    run.Append(c);
                    i++;
                    continue;
                }
                var close = c == '[' ? markup.IndexOf(']', i + 1) : -1;
                if (close < 0)
                {
                    run.Append(c);
                    continue;
                }
                Flush(runs, run, styles.Peek());
                var tag = markup[(i + 1)..close];
                if (tag == "/") { if (styles.Count > 1) styles.Pop(); }
                else styles.Push(styles.Peek().Combine(Style.Parse(tag)));
                i = close;
            }
            Flush(runs, run, styles.Peek());
        }
        return runs;
    }

    private static void Flush(List<(string, Style)> runs, System.Text.StringBuilder run, Style style)
    {
        if (run.Length == 0) return;
        runs.Add((run.ToString(), style));
        run.Clear();
    }

    /// <summary>What a reader sees: the text of every run, styles read and gone (what a table measures).</summary>
    internal string Shown => string.Concat(Runs().Select(r => r.Text));

    /// <summary>The text as shown, without styles: for tests and logs.</summary>
    public override string ToString() =>
        string.Concat(_parts.Select(p => p.Markup ? p.Text.Replace("[[", "[").Replace("]]", "]") : Visible.Escape(p.Text)));
}

/// <summary>
/// Interpolation for the console: literal parts are markup of ours; a string or any other value is shown as plain,
/// escaped text (numbers and dates formatted for every culture alike); a <see cref="ConsoleText"/> is kept as built.
/// There is no way to hand it a string to read as markup.
/// </summary>
[InterpolatedStringHandler]
public readonly struct ConsoleTextHandler
{
    private readonly List<ConsoleText.Part> _parts;

    public ConsoleTextHandler(int literalLength, int formattedCount) => _parts = new List<ConsoleText.Part>(formattedCount * 2 + 1);

    public void AppendLiteral(string text) => _parts.Add(new ConsoleText.Part(text, Markup: true));

    public void AppendFormatted(string? value) => _parts.Add(new ConsoleText.Part(value ?? "", Markup: false));

    public void AppendFormatted(ConsoleText? value)
    {
        if (value is not null) _parts.AddRange(value.Parts);
    }

    public void AppendFormatted<T>(T value, string? format = null) =>
        _parts.Add(new ConsoleText.Part(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "", Markup: false));

    internal ConsoleText ToText() => new(_parts);
}
