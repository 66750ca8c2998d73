using System.Globalization;
using System.Text;

namespace Conformance.Text;

/// <summary>
/// The one notation every sink shows a character it must not emit in: a visible escape. Controls (C0, DEL, C1) act
/// on a terminal, the bidirectional controls reorder what a reader sees, line and paragraph separators and line
/// breaks forge lines, a lone surrogate or a noncharacter is not text at all: each becomes <c>\n</c>, <c>\r</c>,
/// <c>\t</c>, <c>\x1b</c> (up to U+00FF) or <c>\u202e</c>. Everything else is left as it is, so ordinary text reads
/// the same as before; the escape is a picture of the character, not a way to decode it back.
/// </summary>
public static class Visible
{
    /// <summary>The characters no sink emits from outside text: what <see cref="Escape"/> replaces.</summary>
    public static bool IsForbidden(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || IsBidiControl(c) || c is '\u2028' or '\u2029' or '\ufffe' or '\uffff';

    /// <summary>The bidirectional controls: the embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and marks.</summary>
    public static bool IsBidiControl(char c) => c is '\u061c' or '\u200e' or '\u200f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// <paramref name="text"/> with every forbidden character (<see cref="IsForbidden"/>) and every lone surrogate
    /// shown as its escape; <paramref name="keepLineBreaks"/> keeps tab, line feed and carriage return as they are
    /// (for sinks where a multi-line value is normal and cannot forge anything, such as an XML text node).
    /// </summary>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var first = FirstToEscape(text, 0, keepLineBreaks);
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }
            if (!NeedsEscape(c, keepLineBreaks))
            {
                escaped.Append(c);
                continue;
            }
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                <= '\u00ff' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return escaped.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds anything <see cref="Escape"/> would change.</summary>
    public static bool NeedsEscape(string text, bool keepLineBreaks = false) => FirstToEscape(text, 0, keepLineBreaks) >= 0;

    private static int FirstToEscape(string text, int from, bool keepLineBreaks)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (NeedsEscape(c, keepLineBreaks)) return i;
        }
        return -1;
    }

    /// <summary>A single char (a pair is handled by the caller): forbidden, or half of a pair standing alone.</summary>
    private static bool NeedsEscape(char c, bool keepLineBreaks) =>
        char.IsSurrogate(c) || IsForbidden(c) && !(keepLineBreaks && c is '\n' or '\r' or '\t');
}
