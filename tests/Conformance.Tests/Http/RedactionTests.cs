using System.Text;
using Conformance.Http;

namespace Conformance.Tests.Http;

/// <summary>A secret is masked in whatever form a server echoes it.</summary>
public class RedactionTests
{
    private const string Token = "SEKRIT-tok3n/42+x";

    [TestCase("raw " + Token)]
    [TestCase("url SEKRIT-tok3n%2F42%2Bx")]
    [TestCase("url, lower case SEKRIT-tok3n%2f42%2bx")]
    [TestCase("url, every character %53%45%4B%52%49%54%2D%74%6F%6B%33%6E%2F%34%32%2B%78")]
    [TestCase(@"json SEKRIT\u002dtok3n\/42+x")]
    [TestCase(@"json, every character \u0053\u0045\u004B\u0052\u0049\u0054\u002D\u0074\u006F\u006B\u0033\u006E\u002F\u0034\u0032\u002B\u0078")]
    [TestCase("xml SEKRIT&#45;tok3n&#x2F;42&#43;x")]
    [TestCase("xml, leading zeros and upper case SEKRIT&#0045;tok3n&#X0002f;42&#x000002B;x")]
    [TestCase("query, a space as plus SEKRIT-tok3n%2F42%2Bx")]
    [TestCase("mixed kinds of escape SEKRIT\\u002dtok3n&#47;42%2Bx")]
    [TestCase("inside a longer word xxSEKRIT-tok3n/42+xyy")]
    public void Every_encoding_of_a_secret_is_masked(string text)
    {
        var masked = Redaction.Mask(text, [Token]);
        Assert.That(masked, Does.Contain(Redaction.Masked).And.Not.Contain("SEKRIT").And.Not.Contain("53%45"));
    }

    [TestCase("a space", "key with space", "key+with+space")]
    [TestCase("two-byte characters in UTF-8", "clé-secrète", "cl%C3%A9-secr%c3%a8te")]
    [TestCase("a character beyond the BMP, as JSON", "tok-😀-en", "tok-\\ud83d\\ude00-en")]
    [TestCase("a character beyond the BMP, as XML", "tok-😀-en", "tok-&#x1F600;-en")]
    [TestCase("a character beyond the BMP, in a URL", "tok-😀-en", "tok-%F0%9F%98%80-en")]
    [TestCase("entities", "a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;")]
    public void A_secret_is_masked_however_its_characters_are_escaped(string what, string secret, string written)
    {
        Assert.That(Redaction.Mask($"before {written} after", [secret]), Is.EqualTo("before *** after"), what);
    }

    [Test]
    public void What_only_looks_like_an_escape_is_text_and_a_secret_holding_one_is_found_as_written()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Redaction.Mask("100% and &# and \\u12 and %zz", ["SEKRIT-x"]), Is.EqualTo("100% and &# and \\u12 and %zz"));
            Assert.That(Redaction.Mask("raw p%41ss-word, escaped p%2541ss-word", ["p%41ss-word"]), Is.EqualTo("raw ***, escaped ***"));
            Assert.That(Redaction.Mask("twice SEKRIT-xSEKRIT-x, overlapping abcabcab", ["SEKRIT-x", "abcab"]), Is.EqualTo("twice ******, overlapping ***"));
        });
    }

    [Test]
    public void Binary_text_is_searched_byte_for_byte()
    {
        var bytes = new byte[256 * 1024];
        new Random(7).NextBytes(bytes);
        "SEKRIT-in-binary"u8.CopyTo(bytes.AsSpan(1000));
        var masked = Redaction.Mask(Encoding.Latin1.GetString(bytes), ["SEKRIT-in-binary"]);
        Assert.That(masked, Does.Not.Contain("SEKRIT-in-binary"));
        Assert.That(masked[1000..1003], Is.EqualTo(Redaction.Masked));
    }

    /// <summary>
    /// Megabytes of text made to be expensive (every kind of escape, near misses of every secret everywhere) are masked
    /// whole: the search is linear, so there is no timeout to reach and nothing is skipped. (Speed is measured in benchmarks/.)
    /// </summary>
    [Test]
    public void Megabytes_of_escapes_and_near_misses_are_masked_whole()
    {
        string Percent(string s) => string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:x2}"));
        string Json(string s) => string.Concat(s.Select(c => $"\\u{(int)c:x4}"));
        var text = new StringBuilder();
        for (var i = 0; text.Length < 8_000_000; i++)
        {
            var cut = 1 + i % (Token.Length - 1);
            text.Append(Percent(Token[..cut])).Append('!').Append(Json(Token[..cut])).Append("&#x").Append(i % 7).Append(';');
            if (i % 10_000 == 0) text.Append(i % 20_000 == 0 ? Percent(Token) : Json(Token));
        }
        var masked = Redaction.Mask(text.ToString(), [Token]);
        Assert.That(masked, Does.Not.Contain(Percent(Token)).And.Not.Contain(Json(Token)).And.Contain(Redaction.Masked));
        Assert.That(masked, Does.Not.StartWith("[withheld"));
    }

    [Test]
    public void Text_that_cannot_be_searched_is_withheld_never_written_whole()
    {
        var masked = Redaction.Mask("some text holding SEKRIT-x", new Unreadable());
        Assert.That(masked, Does.StartWith("[withheld: 26 characters").And.Not.Contain("SEKRIT"));
    }

    /// <summary>Secrets that cannot be read: whatever goes wrong while masking, the text is not written as it came.</summary>
    private sealed class Unreadable : IReadOnlyCollection<string>
    {
        public int Count => 1;
        public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("unreadable");
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Test]
    public void The_token_part_of_an_authorization_value_and_its_base64_are_masked()
    {
        var secrets = new[] { $"Bearer {Token}" };
        Assert.That(Redaction.Mask($"echo: {Token}", secrets), Is.EqualTo("echo: ***"));
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Token));
        Assert.That(Redaction.Mask($"encoded: {base64}", secrets), Is.EqualTo("encoded: ***"));
    }

    [Test]
    public void A_basic_credential_masks_its_password_and_pair()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("council:hunter2-pass"));
        Assert.That(Redaction.Mask("user council, password hunter2-pass, pair council:hunter2-pass", [header]),
            Is.EqualTo("user council, password ***, pair ***"));
    }

    [Test]
    public void Short_values_and_ordinary_text_are_left_alone()
    {
        Assert.That(Redaction.Mask("abc abc", ["abc"]), Is.EqualTo("abc abc"), "a value this short would mask ordinary words");
        Assert.That(Redaction.Mask("nothing to hide", [Token]), Is.EqualTo("nothing to hide"));
        Assert.That(Redaction.Holds($"id {Token}", [Token]), Is.True);
    }
}
