using Spectre.Console;

namespace Conformance.Cli;

/// <summary>
/// Wraps styled text at a width between words, for output that is not a terminal (<see cref="ConsoleLayout"/>). A line
/// broken goes on under its own indent and two more spaces; the spaces at a break are dropped; a word longer than the
/// width is never split (a URL or a curl line stays whole, on a line of its own); line breaks already in the text stay.
/// </summary>
internal static class LineWrap
{
    public static List<(string Text, Style Style)> Wrap(IReadOnlyList<(string Text, Style Style)> runs, int width)
    {
        var text = string.Concat(runs.Select(r => r.Text));
        var breaks = Breaks(text, width); // where a run of spaces becomes a new line, and the indent it takes
        if (breaks.Count == 0) return [.. runs];
        var wrapped = new List<(string, Style)>();
        var at = 0; // position in text
        var next = 0;
        foreach (var (run, style) in runs)
        {
            var piece = new System.Text.StringBuilder();
            for (var i = 0; i < run.Length; i++, at++)
            {
                if (next < breaks.Count && at == breaks[next].Start)
                {
                    piece.Append('\n').Append(' ', breaks[next].Indent);
                }
                if (next < breaks.Count && at >= breaks[next].Start && at < breaks[next].Start + breaks[next].Length)
                {
                    if (at == breaks[next].Start + breaks[next].Length - 1) next++;
                    continue; // a space at a break is dropped
                }
                piece.Append(run[i]);
            }
            if (piece.Length > 0) wrapped.Add((piece.ToString(), style));
        }
        return wrapped;
    }

    /// <param name="Start">The first of the spaces replaced by the break.</param>
    private readonly record struct Break(int Start, int Length, int Indent);

    private static List<Break> Breaks(string text, int width)
    {
        var breaks = new List<Break>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            if (end < 0) end = text.Length;
            Line(text, lineStart, end, width, breaks);
            lineStart = end + 1;
        }
        return breaks;
    }

    /// <summary>One line of the text (between line breaks): greedy, a word at a time.</summary>
    private static void Line(string text, int start, int end, int width, List<Break> breaks)
    {
        var indent = 0;
        while (start + indent < end && text[start + indent] == ' ') indent++;
        var carry = Math.Min(indent + 2, width / 2); // a continuation's indent
        var column = 0;
        var i = start;
        while (i < end)
        {
            var spaces = i;
            while (i < end && text[i] == ' ') i++;
            var word = i;
            while (i < end && text[i] != ' ') i++;
            if (word == i) break; // spaces at the end of the line are kept as they are
            var gap = word - spaces;
            var length = i - word;
            if (column == 0 || spaces == start || column + gap + length <= width)
            {
                column += gap + length;
                continue;
            }
            breaks.Add(new Break(spaces, gap, carry));
            column = carry + length;
        }
    }
}
