using Conformance.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Conformance.Tests.Text;

/// <summary>
/// Markdown's encoder, read back as a CI job summary reads it (Markdig with GitHub's extensions: tables, autolinks):
/// a value is one code span holding exactly its visible form, and never a link, an image, HTML or a cell of its own.
/// </summary>
public class MarkdownTextTests
{
    public static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// A table cell's code as GitHub reads it: its row is split before code spans are read, at each pipe with no
    /// backslash before it (cmark-gfm's scanner takes <c>\|</c> as one escaped character whatever precedes it), and
    /// then every <c>\|</c> is a pipe. Markdig reads code spans first and keeps the backslash: this undoes that difference.
    /// </summary>
    public static string GfmCell(string code) => code.Replace("\\|", "|", StringComparison.Ordinal);

    /// <summary>Nodes that would make input act: a link, an image, an autolink, HTML.</summary>
    public static IEnumerable<MarkdownObject> Active(MarkdownDocument document) =>
        document.Descendants().Where(n => n is LinkInline or AutolinkInline or HtmlInline or HtmlBlock or HtmlEntityInline);

    [Test]
    public void Every_string_in_a_paragraph_is_one_code_span_of_its_visible_form()
    {
        foreach (var text in HostileStrings.Many(2000))
        {
            var md = new MarkdownWriter().Line($"before {text} after").ToString();
            var document = Markdown.Parse(md, Gfm);
            Assert.That(Active(document), Is.Empty, md);
            Assert.That(document, Has.Count.EqualTo(1).And.All.InstanceOf<ParagraphBlock>(), md);
            var codes = document.Descendants<CodeInline>().ToList();
            var shown = Visible.Escape(text);
            if (shown.Length == 0) Assert.That(codes, Is.Empty, md);
            else Assert.That(codes.Select(c => c.Content), Is.EqualTo(new[] { shown }), md);
            Assert.That(md[..^1].Any(Visible.IsForbidden), Is.False, "no control character reaches the file");
            Assert.That(md[..^1].Contains('\n'), Is.False, "one line");
        }
    }

    [Test]
    public void Every_string_in_a_table_cell_stays_in_its_cell()
    {
        foreach (var text in HostileStrings.Many(2000, seed: 7))
        {
            var md = new MarkdownWriter().Line($"| a | b |").Line($"|---|---|").Line($"| {text} | {42} |").ToString();
            var document = Markdown.Parse(md, Gfm);
            Assert.That(Active(document), Is.Empty, md);
            var table = document.OfType<Table>().Single();
            var row = (TableRow)table[1];
            Assert.That(row, Has.Count.EqualTo(2), md);
            var codes = ((TableCell)row[0]).Descendants<CodeInline>().ToList();
            var shown = Visible.Escape(text);
            if (shown.Length == 0) Assert.That(codes, Is.Empty, md);
            else Assert.That(codes.Select(c => GfmCell(c.Content)), Is.EqualTo(new[] { shown }), md);
            var line = md.Split('\n')[2];
            Assert.That(System.Text.RegularExpressions.Regex.Matches(line, @"(?<!\\)\|").Count, Is.EqualTo(3),
                $"GitHub splits the row before reading code: three unescaped pipes make two cells: {line}");
        }
    }

    [TestCase("a`b", "``a`b``")]
    [TestCase("`tick`", "`` `tick` ``")]
    [TestCase(" padded ", "`  padded  `")]
    [TestCase("   ", "`   `")]
    [TestCase("", "")]
    [TestCase("![p](http://host/pixel.png)", "`![p](http://host/pixel.png)`")]
    public void A_code_span_is_fenced_by_more_backticks_than_it_holds(string text, string span) =>
        Assert.That(MarkdownText.Code(text, inTable: false), Is.EqualTo(span));

    [Test]
    public void Numbers_and_words_of_a_closed_vocabulary_are_written_as_they_are()
    {
        var md = new MarkdownWriter().Line($"{3} {MarkdownText.Word("pass", ["pass", "fail"])} {MarkdownText.Word("[x](y)", ["pass"])}").ToString();
        Assert.That(md, Is.EqualTo("3 pass `[x](y)`\n"));
    }
}
