using System.Text.RegularExpressions;
using Conformance.Cli;
using Conformance.Tests.Text;
using Conformance.Text;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Conformance.Tests.Cli;

/// <summary>
/// The console's encoder as a terminal receives it: any value is shown as its visible form, in the style around it,
/// and no control character, escape sequence, bidirectional override, markup or emoji code from it acts.
/// </summary>
public class ConsoleTextTests
{
    private static TestConsole Console(bool ansi)
    {
        var console = new TestConsole().Width(1_000_000);
        console.Profile.Capabilities.Ansi = ansi;
        console.EmitAnsiSequences = ansi;
        return console;
    }

    /// <summary>The sequences the program itself sends for its styles: Select Graphic Rendition, nothing else.</summary>
    private static readonly Regex Ours = new("\u001b\\[[0-9;]*m");

    [TestCase(false, false)]
    [TestCase(true, true)]
    [TestCase(false, true)]
    public void Every_string_is_shown_as_its_visible_form_and_nothing_in_it_acts(bool ansi, bool terminal)
    {
        foreach (var text in HostileStrings.Many(2000, seed: ansi ? 1 : terminal ? 3 : 2))
        {
            var console = Console(ansi);
            // As wide as the line: the harness's own wrapping (a CI log) and Spectre's (a terminal) leave it whole.
            new Terminal(console, new ConsoleLayout(1_000_000, terminal)).Line($"[grey]before {text} after[/]");
            var shown = Ours.Replace(console.Output, "");
            Assert.That(shown, Is.EqualTo($"before {Visible.Escape(text)} after\n"), text);
            Assert.That(shown.TrimEnd('\n').Any(Visible.IsForbidden), Is.False, "no control character from input");
            if (!ansi) Assert.That(console.Output.Contains('\u001b'), Is.False);
        }
    }

    [Test]
    public void Markup_and_emoji_codes_in_a_value_are_text()
    {
        var console = Console(ansi: false);
        new Terminal(console).Line($"{"[red]x[/] :warning: [[y]]"}");
        Assert.That(console.Output, Is.EqualTo("[red]x[/] :warning: [[y]]\n"));
    }

    [Test]
    public void A_table_cell_shows_its_value_and_no_line_of_its_own()
    {
        var console = Console(ansi: false);
        new Terminal(console).Write(new ConsoleTable("name").Row(ConsoleText.Of($"{"Acme\n  verdict   pass\u001b[2K"}")));
        Assert.That(console.Output, Does.Contain(@"Acme\n  verdict   pass\x1b[2K"));
        Assert.That(console.Output.Contains('\u001b'), Is.False);
        Assert.That(console.Output.Split('\n').Count(l => l.Contains("verdict")), Is.EqualTo(1));
    }

    [Test]
    public void Our_own_styles_still_colour_the_line()
    {
        var console = Console(ansi: true);
        new Terminal(console).Line($"[red]fail[/] {"x"}");
        Assert.That(console.Output.Contains("\u001b[", StringComparison.Ordinal), Is.True);
    }
}
