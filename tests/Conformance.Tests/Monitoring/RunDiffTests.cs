using Conformance.Monitoring;
using static Conformance.Tests.Monitoring.MonitoringFixtures;

namespace Conformance.Tests.Monitoring;

public class RunDiffTests
{
    private static readonly RunDiff Diff = new(
        Run("a", Night1, "fail", Result("cors-allow-origin", "fail"), Result("ids-unique", "fail"), Result("no-null-fields", "warning")),
        Run("a", Night1.AddDays(1), "fail", Result("ids-unique", "fail"), Result("response-schema", "fail"), Result("filters-filter", "warning")) with { Id = 2 });

    [Test]
    public void New_fixed_still_failing_and_changed_warnings_are_told_apart()
    {
        Assert.That(Diff.NewFailures.Select(r => r.Check), Is.EqualTo(new[] { "response-schema" }));
        Assert.That(Diff.Fixed.Select(r => r.Check), Is.EqualTo(new[] { "cors-allow-origin" }));
        Assert.That(Diff.StillFailing.Select(r => r.Check), Is.EqualTo(new[] { "ids-unique" }));
        Assert.That(Diff.NewWarnings.Select(r => r.Check), Is.EqualTo(new[] { "filters-filter" }));
        Assert.That(Diff.GoneWarnings.Select(r => r.Check), Is.EqualTo(new[] { "no-null-fields" }));
    }

    [Test]
    public void The_same_check_on_another_operation_is_another_finding()
    {
        var diff = new RunDiff(Run("a", Night1, "fail", Result("ids-unique", "fail")), Run("a", Night1.AddDays(1), "fail", Result("ids-unique", "fail", "GET /taxonomies")));
        Assert.That(diff.NewFailures, Has.Count.EqualTo(1));
        Assert.That(diff.Fixed, Has.Count.EqualTo(1));
    }

    [Test]
    public void Text_and_markdown_say_the_same_changes()
    {
        var text = DiffWriter.Text([Diff]);
        Assert.That(text, Does.Contain("new failures (1):").And.Contain("+ response-schema on GET /services").And.Contain("fixed (1):").And.Contain("- cors-allow-origin"));
        var markdown = DiffWriter.Markdown([Diff]);
        Assert.That(markdown, Does.Contain("| new failure | `response-schema` | `GET /services` |").And.Contain("| fixed | `cors-allow-origin` |")
            .And.Contain("| still failing | `ids-unique` |").And.Contain("| new warning | `filters-filter` |"));
    }

    [Test]
    public void A_message_is_a_code_span_that_cannot_break_its_cell_or_become_html()
    {
        var hostile = new RunDiff(Run("a", Night1, "fail"), Run("a", Night1.AddDays(1), "fail", Result("ids-unique", "fail") with { Message = "a|b\n<script>![p](http://h/p.png)" }));
        var markdown = DiffWriter.Markdown([hostile]);
        Assert.That(markdown, Does.Contain("| `a\\|b\\n<script>![p](http://h/p.png)` |"));
        var document = Markdig.Markdown.Parse(markdown, Text.MarkdownTextTests.Gfm);
        Assert.That(Text.MarkdownTextTests.Active(document), Is.Empty);
    }

    [Test]
    public void Text_shows_control_characters_from_history_as_escapes()
    {
        var hostile = new RunDiff(Run("a\u001b[2J", Night1, "fail"), Run("a\u001b[2J", Night1.AddDays(1), "fail", Result("ids-unique", "fail") with { Message = "x\n  fixed (9):" }));
        var text = DiffWriter.Text([hostile]);
        TestContext.Out.WriteLine(text);
        Assert.That(text, Does.Contain("a\\x1b[2J: run"));
        Assert.That(text, Does.Contain("x\\n  fixed (9):"));
        Assert.That(text.Contains('\u001b'), Is.False);
    }

    [Test]
    public void A_first_run_has_nothing_before_it()
    {
        var diff = new RunDiff(null, Run("a", Night1, "fail", Result("ids-unique", "fail")));
        Assert.That(diff.NewFailures, Has.Count.EqualTo(1));
        Assert.That(DiffWriter.Text([diff]), Does.Contain("first run"));
    }
}
