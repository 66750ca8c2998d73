using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Conformance.Text;

/// <summary>
/// Markdown's encoder (CommonMark with GitHub's tables, as a CI job summary renders it). Outside text is only ever a
/// code span: fenced by more backticks than its longest run, padded where a backtick or a space pair would be eaten,
/// with controls shown as visible escapes (<see cref="Visible"/>) so no line breaks; in a table row every <c>|</c>
/// is escaped (GitHub splits cells before it reads code spans, and reads <c>\|</c> as a pipe). So nothing from
/// input becomes a link, an image, HTML, emphasis, a heading or a cell of its own.
/// </summary>
public static class MarkdownText
{
    /// <summary><paramref name="text"/> as a code span; empty for empty text.</summary>
    public static string Code(string? text, bool inTable)
    {
        var visible = Visible.Escape(text);
        if (visible.Length == 0) return "";
        if (inTable) visible = visible.Replace("|", "\\|", StringComparison.Ordinal);
        int longest = 0, run = 0;
        foreach (var c in visible)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var allSpaces = visible.All(c => c == ' ');
        // A span's first and last space are dropped when both are there; a backtick at either end would join the fence.
        var pad = visible[0] == '`' || visible[^1] == '`' || !allSpaces && visible[0] == ' ' && visible[^1] == ' ';
        return pad ? $"{fence} {visible} {fence}" : $"{fence}{visible}{fence}";
    }

    /// <summary>A piece of Markdown built by interpolation: the literal parts are ours, every value is encoded where it lands.</summary>
    public static MarkdownSpan Span(ref MarkdownHandler text) => text.ToSpan();

    /// <summary>A word from a closed vocabulary (a verdict, an outcome) as it is when it is one of <paramref name="known"/>, else as code.</summary>
    public static MarkdownSpan Word(string? value, IEnumerable<string> known) =>
        value is not null && known.Contains(value, StringComparer.Ordinal)
            ? new MarkdownSpan([new MarkdownSpan.Part(value, Literal: true)])
            : new MarkdownSpan([new MarkdownSpan.Part(value ?? "", Literal: false)]);

    /// <summary>
    /// The harness's own words (a sentence of constants and counts, such as the verdict in words), written as
    /// Markdown. Never outside text: that goes in as a value, and becomes code.
    /// </summary>
    public static MarkdownSpan Ours(string words) => new([new MarkdownSpan.Part(Visible.Escape(words), Literal: true)]);

    /// <summary>Pieces joined by a literal separator of ours.</summary>
    public static MarkdownSpan Join(string separator, IEnumerable<MarkdownSpan> pieces)
    {
        var parts = new List<MarkdownSpan.Part>();
        foreach (var piece in pieces)
        {
            if (parts.Count > 0) parts.Add(new MarkdownSpan.Part(separator, Literal: true));
            parts.AddRange(piece.Parts);
        }
        return new MarkdownSpan(parts);
    }
}

/// <summary>
/// Markdown that is safe by construction: literal parts written by the harness and values from outside, kept apart
/// until the piece is written, where each value becomes a code span fit for its place (a table row or not).
/// </summary>
public sealed class MarkdownSpan
{
    internal readonly record struct Part(string Text, bool Literal);

    internal IReadOnlyList<Part> Parts { get; }

    internal MarkdownSpan(IReadOnlyList<Part> parts) => Parts = parts;

    /// <summary>Never the Markdown: a span is written only through <see cref="MarkdownWriter"/>, which knows where it lands.</summary>
    public override string ToString() => string.Concat(Parts.Select(p => p.Text));
}

/// <summary>
/// Interpolation for Markdown: <c>$"| {clause} | {count} |"</c>. A string (or any other object) becomes a code span;
/// a number, date or enum is written as it is formatted; a <see cref="MarkdownSpan"/> is written as it was built.
/// There is no way to hand it a string to write as Markdown: that is the point.
/// </summary>
[InterpolatedStringHandler]
public struct MarkdownHandler
{
    private readonly List<MarkdownSpan.Part> _parts;

    public MarkdownHandler(int literalLength, int formattedCount) => _parts = new List<MarkdownSpan.Part>(formattedCount * 2 + 1);

    public readonly void AppendLiteral(string text) => _parts.Add(new MarkdownSpan.Part(text, Literal: true));

    public readonly void AppendFormatted(string? value) => _parts.Add(new MarkdownSpan.Part(value ?? "", Literal: false));

    public readonly void AppendFormatted(MarkdownSpan? value)
    {
        if (value is not null) _parts.AddRange(value.Parts);
    }

    public readonly void AppendFormatted<T>(T value, string? format = null)
    {
        // Numbers, dates and enums are the harness's own formatting: nothing in them is Markdown.
        if (value is IFormattable formattable && typeof(T).IsValueType)
            _parts.Add(new MarkdownSpan.Part(formattable.ToString(format, CultureInfo.InvariantCulture), Literal: true));
        else _parts.Add(new MarkdownSpan.Part(value?.ToString() ?? "", Literal: false));
    }

    internal readonly MarkdownSpan ToSpan() => new(_parts);
}

/// <summary>A Markdown document written line by line through <see cref="MarkdownHandler"/>; <see cref="ToString"/> is the document.</summary>
public sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();
    private bool _tableRow;
    private bool _lineStart = true;

    public MarkdownWriter Line(ref MarkdownHandler line)
    {
        Write(line.ToSpan());
        return Line();
    }

    public MarkdownWriter Line()
    {
        _text.Append('\n');
        _lineStart = true;
        _tableRow = false;
        return this;
    }

    /// <summary>Text without a line break after it.</summary>
    public MarkdownWriter Append(ref MarkdownHandler text)
    {
        Write(text.ToSpan());
        return this;
    }

    private void Write(MarkdownSpan span)
    {
        foreach (var part in span.Parts)
        {
            if (part.Text.Length == 0) continue;
            if (part.Literal)
            {
                foreach (var c in part.Text)
                {
                    if (_lineStart && c != '\n') _tableRow = c == '|';
                    _lineStart = c == '\n';
                    if (_lineStart) _tableRow = false;
                    _text.Append(c);
                }
            }
            else
            {
                _text.Append(MarkdownText.Code(part.Text, _tableRow));
                _lineStart = false;
            }
        }
    }

    public override string ToString() => _text.ToString();
}
