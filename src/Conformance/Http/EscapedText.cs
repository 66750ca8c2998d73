using System.Buffers;
using System.Globalization;
using System.Text;

namespace Conformance.Http;

/// <summary>
/// A text read through one or more kinds of escape (JSON \uXXXX and \", URL %XX and +, XML character references and
/// entities), each escape decoded where it is written, so that a secret written in any mixture of escapes of those
/// kinds reads as itself; and, for each decoded character, where it was written. One pass, linear in the text.
/// </summary>
internal sealed class EscapedText : IDisposable
{
    [Flags]
    public enum Escapes
    {
        Json = 1,
        Url = 2,
        /// <summary>'+' for a space, as in a query or a form.</summary>
        Plus = 4,
        Xml = 8,
    }

    /// <summary>
    /// The readings worth making of a text: all its kinds of escape together, '+' read as a space and as itself. Where a
    /// secret holds a character that starts an escape ('\\', '%', '&amp;'), written raw it could read as an escape
    /// of another kind, so each kind is then also read alone. Only kinds the text holds are read, each reading once.
    /// </summary>
    public static IEnumerable<Escapes> DecodingsIn(string text, bool secretsHoldEscapes)
    {
        var present = (text.Contains('\\') ? Escapes.Json : 0) | (text.Contains('%') ? Escapes.Url : 0)
                      | (text.Contains('+') ? Escapes.Plus : 0) | (text.Contains('&') ? Escapes.Xml : 0);
        const Escapes all = Escapes.Json | Escapes.Url | Escapes.Xml;
        Escapes[] readings = secretsHoldEscapes
            ? [all, all | Escapes.Plus, Escapes.Json, Escapes.Url, Escapes.Url | Escapes.Plus, Escapes.Xml]
            : [all, all | Escapes.Plus];
        return readings.Select(r => r & present).Where(r => r != 0).Distinct();
    }

    /// <summary>An escape decoded: where its characters are in the decoded text, and where it was written.</summary>
    private readonly record struct Unit(int Decoded, int DecodedLength, int Written, int WrittenLength);

    private readonly char[] _decoded;
    private readonly int _length;
    private readonly List<Unit> _units;

    private EscapedText(char[] decoded, int length, List<Unit> units)
    {
        _decoded = decoded;
        _length = length;
        _units = units;
    }

    public ReadOnlySpan<char> Decoded => _decoded.AsSpan(0, _length);

    /// <summary>Whether any escape was decoded: if none was, the text reads as written and was searched already.</summary>
    public bool DecodedAny => _units.Count > 0;

    /// <summary>Where decoded characters [start, end) were written: from the start of the first one's escape to the end of the last one's.</summary>
    public Range Written(int start, int end) => new(Locate(start).Start, Locate(end - 1).End);

    private (int Start, int End) Locate(int decoded)
    {
        // The last escape decoded at or before this character.
        int low = 0, high = _units.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_units[middle].Decoded <= decoded) (found, low) = (middle, middle + 1);
            else high = middle - 1;
        }
        if (found < 0) return (decoded, decoded + 1);
        var unit = _units[found];
        if (decoded < unit.Decoded + unit.DecodedLength) return (unit.Written, unit.Written + unit.WrittenLength);
        var written = unit.Written + unit.WrittenLength + (decoded - unit.Decoded - unit.DecodedLength);
        return (written, written + 1);
    }

    public static EscapedText Decode(string text, Escapes escapes)
    {
        var decoded = ArrayPool<char>.Shared.Rent(text.Length); // an escape is never shorter than what it stands for
        var units = new List<Unit>();
        var triggers = SearchValues.Create(string.Concat(
            (escapes & Escapes.Json) != 0 ? "\\" : "", (escapes & Escapes.Url) != 0 ? "%" : "",
            (escapes & Escapes.Plus) != 0 ? "+" : "", (escapes & Escapes.Xml) != 0 ? "&" : ""));
        var length = 0;
        var i = 0;
        Span<char> chars = stackalloc char[2];
        while (i < text.Length)
        {
            var plain = text.AsSpan(i).IndexOfAny(triggers);
            if (plain < 0) plain = text.Length - i;
            text.AsSpan(i, plain).CopyTo(decoded.AsSpan(length));
            (i, length) = (i + plain, length + plain);
            if (i == text.Length) break;
            var (count, written) = text[i] switch
            {
                '\\' => Json(text, i, chars),
                '%' => Url(text, i, chars),
                '+' => Plus(chars),
                _ => Xml(text, i, chars),
            };
            if (count == 0) (decoded[length++], i) = (text[i], i + 1); // not an escape after all
            else
            {
                units.Add(new Unit(length, count, i, written));
                chars[..count].CopyTo(decoded.AsSpan(length));
                (i, length) = (i + written, length + count);
            }
        }
        return new EscapedText(decoded, length, units);
    }

    /// <summary>\uXXXX, or \" \\ \/ and the other short escapes: (characters decoded, characters written), or (0, 0).</summary>
    private static (int, int) Json(string text, int at, Span<char> chars)
    {
        if (at + 1 >= text.Length) return default;
        var next = text[at + 1];
        if (next == 'u')
        {
            if (at + 6 > text.Length || Hex(text, at + 2, 4) is not { } unit) return default;
            chars[0] = (char)unit;
            return (1, 6);
        }
        char? shortEscape = next switch
        {
            '"' or '\\' or '/' => next,
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (shortEscape is not { } c) return default;
        chars[0] = c;
        return (1, 2);
    }

    private static (int, int) Plus(Span<char> chars)
    {
        chars[0] = ' ';
        return (1, 1);
    }

    /// <summary>%XX, or the %XX of every byte of one UTF-8 character: (characters decoded, characters written), or (0, 0).</summary>
    private static (int, int) Url(string text, int at, Span<char> chars)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (Byte(text, at) is not { } lead) return default;
        var size = lead < 0x80 ? 1 : lead is >= 0xC2 and <= 0xDF ? 2 : lead is >= 0xE0 and <= 0xEF ? 3 : lead is >= 0xF0 and <= 0xF4 ? 4 : 0;
        if (size == 0) return default;
        bytes[0] = lead;
        for (var k = 1; k < size; k++)
            if (Byte(text, at + 3 * k) is { } b) bytes[k] = b;
            else return default;
        if (Rune.DecodeFromUtf8(bytes[..size], out var rune, out var used) != OperationStatus.Done || used != size) return default;
        return (rune.EncodeToUtf16(chars), 3 * size);
    }

    private static byte? Byte(string text, int at) =>
        at + 3 <= text.Length && text[at] == '%' && Hex(text, at + 1, 2) is { } b ? (byte)b : null;

    /// <summary>The number written in <paramref name="digits"/> hexadecimal digits at <paramref name="at"/>, or null.</summary>
    private static int? Hex(string text, int at, int digits)
    {
        var value = 0;
        for (var i = at; i < at + digits; i++)
        {
            var digit = HexDigit(text[i]);
            if (digit < 0) return null;
            value = value * 16 + digit;
        }
        return value;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static readonly (string Entity, char Character)[] Entities = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')];

    /// <summary>&amp;#N; or &amp;#xH; (any number of leading zeros), or a named entity of XML's five: (characters decoded, characters written), or (0, 0).</summary>
    private static (int, int) Xml(string text, int at, Span<char> chars)
    {
        foreach (var (entity, character) in Entities)
            if (text.AsSpan(at).StartsWith(entity, StringComparison.Ordinal))
            {
                chars[0] = character;
                return (1, entity.Length);
            }
        if (at + 2 >= text.Length || text[at + 1] != '#') return default;
        var hex = text[at + 2] is 'x' or 'X';
        var i = at + (hex ? 3 : 2);
        while (i < text.Length && text[i] == '0') i++;
        var digits = i;
        while (i < text.Length && i - digits < 8 && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i]))) i++;
        if (i >= text.Length || text[i] != ';' || i == at + (hex ? 3 : 2)) return default;
        var code = i == digits ? 0 : int.Parse(text.AsSpan(digits, i - digits), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        if (!Rune.TryCreate(code, out var rune))
        {
            if (code is < 0xD800 or > 0xDFFF) return default;
            chars[0] = (char)code; // a lone surrogate, as a regular expression would have matched it
            return (1, i + 1 - at);
        }
        return (rune.EncodeToUtf16(chars), i + 1 - at);
    }

    public void Dispose() => ArrayPool<char>.Shared.Return(_decoded);
}
