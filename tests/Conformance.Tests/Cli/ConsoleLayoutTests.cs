using Conformance.Cli;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Conformance.Tests.Cli;

/// <summary>
/// Output that fits where it is read: in a CI log (not a terminal) lines wrap at 100 columns between words and tables
/// become lines; in a terminal a table fits its width without breaking a word, or becomes lines.
/// </summary>
public class ConsoleLayoutTests
{
    private const string Url = "https://api.vendor.example/oruk/services?page=2&per_page=50&taxonomy_term_id=bfa2ef4c-408e-535e-940b-7fa64da2e9c7";

    /// <summary>A console as a pipe is: Spectre never wraps (the harness does), no colours.</summary>
    private static (TestConsole Console, Terminal Terminal) Piped()
    {
        var console = new TestConsole().Width(ConsoleLayout.Unwrapped);
        return (console, new Terminal(console, new ConsoleLayout(ConsoleLayout.ReadableWidth, IsTerminal: false)));
    }

    private static (TestConsole Console, Terminal Terminal) InATerminal(int width)
    {
        var console = new TestConsole().Width(width);
        return (console, new Terminal(console, new ConsoleLayout(width, IsTerminal: true)));
    }

    private static string[] Lines(TestConsole console) => console.Output.TrimEnd('\n').Split('\n');

    [Test]
    public void A_long_line_wraps_at_100_between_words_and_goes_on_indented()
    {
        var (console, say) = Piped();
        var message = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        say.Line($"[red]fail[/] {message}");
        var lines = Lines(console);
        Assert.That(lines, Has.Length.GreaterThan(2));
        Assert.That(lines, Has.All.Length.LessThanOrEqualTo(100));
        Assert.That(lines.Skip(1), Has.All.StartWith("  ").And.All.Not.StartWith("   "), "a continuation goes on two spaces in");
        Assert.That(string.Join(' ', lines.Select(l => l.Trim())), Is.EqualTo($"fail {message}"), "no word lost, split or added");
    }

    [Test]
    public void A_url_longer_than_the_width_stays_whole_on_a_line_of_its_own()
    {
        var (console, say) = Piped();
        say.Line($"curl -i {Url} repeats the request that answered with the page of services shown above this line");
        var lines = Lines(console);
        Assert.That(lines, Has.Some.EqualTo("  " + Url).Or.Some.Contains(Url));
        Assert.That(lines.Where(l => !l.Contains(Url)), Has.All.Length.LessThanOrEqualTo(100));
    }

    [Test]
    public void An_indented_line_goes_on_under_its_own_indent()
    {
        var (console, say) = Piped();
        say.Line($"    {string.Join(' ', Enumerable.Repeat("statement", 30))}");
        Assert.That(Lines(console).Skip(1), Has.All.StartWith("      statement"));
    }

    [Test]
    public void A_value_is_escaped_before_it_is_wrapped_so_no_break_hides_in_it()
    {
        var (console, say) = Piped();
        say.Line($"{"Acme\n  verdict   pass " + new string('x', 120)}");
        Assert.That(Lines(console)[0], Does.StartWith(@"Acme\n"), "the line break in the value is shown, not made");
    }

    private static ConsoleTable Wide() =>
        new ConsoleTable("clause", "level", "statement") { HeadingColumns = 2 }
            .Row(ConsoleText.Of($"ORUK-3.0/status-code-documented"), ConsoleText.Of($"MUST"),
                ConsoleText.Of($"{string.Join(' ', Enumerable.Repeat("Every status code an endpoint answers with is documented for it in the specification.", 2))}"))
            .Row(ConsoleText.Of($"ORUK-3.0/schema"), ConsoleText.Of($"MUST"), ConsoleText.Of($"Every response body validates against its schema."));

    [Test]
    public void A_table_that_fits_is_columns_one_row_a_line()
    {
        var (console, say) = Piped();
        say.Write(new ConsoleTable("id", "standard").Row(ConsoleText.Of($"oruk-3.0"), ConsoleText.Of($"Open Referral UK 3.0")));
        Assert.That(Lines(console), Is.EqualTo(new[] { "id        standard", "oruk-3.0  Open Referral UK 3.0" }));
    }

    [Test]
    public void Styled_cells_line_up_by_what_is_shown_not_by_their_style_tags()
    {
        var (console, say) = Piped();
        say.Write(new ConsoleTable("verdict", "fail").Row(ConsoleText.Of($"[green]pass[/]"), ConsoleText.Of($"0"))
            .Row(ConsoleText.Of($"[red]{"fail"}[/]"), ConsoleText.Of($"3")));
        Assert.That(Lines(console), Is.EqualTo(new[] { "verdict  fail", "pass     0", "fail     3" }));
    }

    [Test]
    public void A_wide_table_in_a_ci_log_is_lines_that_read_at_100_columns()
    {
        var (console, say) = Piped();
        say.Write(Wide());
        var lines = Lines(console);
        Assert.That(lines, Has.All.Length.LessThanOrEqualTo(100));
        Assert.That(lines[0], Is.EqualTo("ORUK-3.0/status-code-documented  MUST"), "the row's heading");
        Assert.That(lines[1], Does.StartWith("    statement: Every status code"));
        Assert.That(console.Output, Does.Not.Contain("│").And.Not.Contain("┌"), "no table borders");
    }

    [Test]
    public void In_a_terminal_a_table_fits_its_width_and_breaks_no_word()
    {
        var (console, say) = InATerminal(100);
        say.Write(Wide());
        var lines = Lines(console);
        Assert.That(console.Output, Does.Contain("┌"), "a bordered table");
        Assert.That(lines, Has.All.Length.LessThanOrEqualTo(100));
        Assert.That(console.Output, Does.Contain("ORUK-3.0/status-code-documented"), "the clause id whole, not 'status-code-documen / ted'");
        foreach (var word in "Every status code an endpoint answers with is documented for it in the specification.".Split(' '))
            Assert.That(console.Output, Does.Contain(word), word);
    }

    [Test]
    public void In_a_terminal_too_narrow_for_the_table_it_is_lines()
    {
        var (console, say) = InATerminal(40);
        say.Write(Wide());
        Assert.That(console.Output, Does.Not.Contain("┌"));
        Assert.That(Lines(console)[0], Is.EqualTo("ORUK-3.0/status-code-documented  MUST"));
    }

    [Test]
    public void A_cell_of_several_lines_stays_lined_up_under_its_name()
    {
        var (console, say) = Piped();
        say.Write(new ConsoleTable("clause", "verified by", "note")
            .Row(ConsoleText.Of($"ORUK-3.0/schema"), ConsoleText.Lines([ConsoleText.Of($"response-schema"), ConsoleText.Of($"no-null-fields")]),
                ConsoleText.Of($"{new string('n', 90)}")));
        Assert.That(Lines(console), Is.EqualTo(new[]
        {
            "ORUK-3.0/schema", "    verified by: response-schema", "                 no-null-fields", $"    note: {new string('n', 90)}",
        }));
    }
}
