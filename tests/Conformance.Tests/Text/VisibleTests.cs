using Conformance.Text;

namespace Conformance.Tests.Text;

/// <summary>The one notation of a character no sink emits: a visible escape, and ordinary text left alone.</summary>
public class VisibleTests
{
    [TestCase("\u001b]0;title\u0007", @"\x1b]0;title\x07")]
    [TestCase("a\nb\r\tc", @"a\nb\r\tc")]
    [TestCase("\u202eevil\u2066", @"\u202eevil\u2066")]
    [TestCase("\u0085\u009b\u007f", @"\x85\x9b\x7f")]
    [TestCase("\u2028\ufeff", @"\u2028" + "\ufeff")]
    [TestCase("Zoë 😀 ^\\d+$ [x]", "Zoë 😀 ^\\d+$ [x]")]
    public void Each_forbidden_character_is_shown_as_its_escape_and_the_rest_is_kept(string text, string shown) =>
        Assert.That(Visible.Escape(text), Is.EqualTo(shown));

    [Test]
    public void A_lone_surrogate_is_shown_as_its_code() =>
        Assert.That(Visible.Escape("lone \ud800 high \udc00"), Is.EqualTo(@"lone \ud800 high \udc00"));

    [Test]
    public void Line_breaks_may_be_kept_where_a_sink_allows_them() =>
        Assert.That(Visible.Escape("a\nb\tc\u0007", keepLineBreaks: true), Is.EqualTo("a\nb\tc\\x07"));

    [Test]
    public void No_string_keeps_a_forbidden_character_and_escaping_twice_changes_nothing()
    {
        foreach (var text in HostileStrings.Many(3000))
        {
            var shown = Visible.Escape(text);
            Assert.That(shown.Any(Visible.IsForbidden), Is.False, text);
            Assert.That(HasLoneSurrogate(shown), Is.False, text);
            Assert.That(Visible.Escape(shown), Is.EqualTo(shown));
        }
    }

    [Test]
    public void A_plain_text_line_shows_each_value_visibly_and_keeps_its_own_words()
    {
        foreach (var text in HostileStrings.Many(1000, seed: 9))
        {
            var line = PlainText.Of($"  + {text}: {3}");
            Assert.That(line, Is.EqualTo($"  + {Visible.Escape(text)}: 3"));
            Assert.That(line.Any(Visible.IsForbidden) || HasLoneSurrogate(line), Is.False, "one line, nothing that acts on a terminal");
        }
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
