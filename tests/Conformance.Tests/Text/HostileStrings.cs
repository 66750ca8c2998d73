using System.Globalization;
using System.Text;

namespace Conformance.Tests.Text;

/// <summary>
/// Random strings over every Unicode category and every control character, with the pieces each sink is known to
/// read as structure (escape sequences, markup, backtick runs, pipes, links, emoji codes, dot segments) mixed in.
/// Seeded, so a failure repeats.
/// </summary>
public static class HostileStrings
{
    /// <summary>A few characters of each general category in the BMP, every C0, DEL, C1, bidi control and separator, lone surrogates and pairs.</summary>
    private static readonly string[] Pool = BuildPool();

    private static readonly string[] Pieces =
    [
        "\u001b]0;title\u0007", "\u001b[2J", "\u001b[1A\u001b[2K", "\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\", "\n  verdict   pass\n",
        "\u202e", "\u2066", "[red]", "[/]", "[[", "]]", ":warning:", ":rocket:", "`", "``", "```", "|", "\\|", "\\", "![p](http://host/pixel.png)",
        "[x](javascript:alert(1))", "<img src=x>", "<script>", "&amp;", "&#x41;", "www.evil.example", "https://evil.example", "*em*", "_u_", "# ", "- ",
        "..", ".", "/", "CON", "nul.txt", " ", "\r\n", "\t", "\ud800", "\udc00", "😀", "\ufffe", "\uffff", "\u0000",
    ];

    public static IEnumerable<string> Many(int count, int seed = 18)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 12);
            for (var j = 0; j < length; j++)
                text.Append(random.Next(3) == 0 ? Pieces[random.Next(Pieces.Length)] : Pool[random.Next(Pool.Length)]);
            yield return text.ToString();
        }
    }

    private static string[] BuildPool()
    {
        var pool = new List<string>();
        var perCategory = new Dictionary<UnicodeCategory, int>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            // Every control and format character, and a sample of every other category (surrogates included: alone they are not text).
            var keep = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                       || perCategory.GetValueOrDefault(category) < 40 && c % 97 == 0 || perCategory.GetValueOrDefault(category) < 4;
            if (!keep) continue;
            perCategory[category] = perCategory.GetValueOrDefault(category) + 1;
            pool.Add(((char)c).ToString());
        }
        pool.AddRange(["😀", "𝔸", "\U0001F1EC\U0001F1E7", "\U000E0001", "\U0010FFFF"]);
        return pool.ToArray();
    }
}
