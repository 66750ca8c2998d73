using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Conformance.Text;

/// <summary>
/// Plain text for a terminal or a log, built by interpolation: <c>PlainText.Of($"{target}: {message}")</c>. The
/// literal parts are ours; every value is shown through <see cref="Visible.Escape"/>, so outside text can neither
/// act on the terminal nor start a line of its own.
/// </summary>
public static class PlainText
{
    public static string Of(ref PlainTextHandler text) => text.ToString();
}

[InterpolatedStringHandler]
public readonly struct PlainTextHandler
{
    private readonly StringBuilder _text;

    public PlainTextHandler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string text) => _text.Append(text);

    public void AppendFormatted(string? value) => _text.Append(Visible.Escape(value));

    public void AppendFormatted<T>(T value, string? format = null) =>
        _text.Append(Visible.Escape(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString()));

    public override string ToString() => _text.ToString();
}
