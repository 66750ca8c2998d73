using System.Xml;
using Conformance.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// What supplier text may do to the people and files around the harness, checked the way each sink reads it: the
/// console's bytes, summary.md as GitHub's Markdown, junit.xml as an XML reader, the output folder on disk.
/// </summary>
public static class Inert
{
    /// <summary>Sequences that act on a terminal or hide what follows (OSC 8 hyperlinks, clearing, moving the cursor), a line a verdict could be forged on, markup.</summary>
    public const string Terminal = "\u001b]0;pwned\u0007\u001b[2J\u001b[1A\u001b[2K\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\\u009b31m\u202egnp.exe\u2066";

    /// <summary>What Markdown would make a pixel fetched on every view, a script link, HTML or a link of its own.</summary>
    public const string Markdown = "![p](http://host/pixel.png) [x](javascript:alert(1)) <img src=x onerror=alert(1)> www.evil.example `tick` | cell";

    public static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// No character that acts on a terminal: no C0 control but the line feed, no DEL or C1 (CSI is U+009B), no
    /// bidirectional control, no lone surrogate. With NO_COLOR or output to a pipe the program sends no ESC of its own,
    /// so there is none at all.
    /// </summary>
    public static void AssertConsole(string output)
    {
        var bad = output.Select((c, i) => (c, i)).FirstOrDefault(x => x.c != '\n' && Visible.IsForbidden(x.c));
        Assert.That(bad.c, Is.EqualTo('\0'), $"U+{(int)bad.c:X4} at {bad.i}: …{Visible.Escape(output[Math.Max(0, bad.i - 60)..Math.Min(output.Length, bad.i + 20)])}…");
        Assert.That(output.Contains('\u001b'), Is.False);
        for (var i = 0; i < output.Length; i++)
        {
            if (char.IsHighSurrogate(output[i]) && i + 1 < output.Length && char.IsLowSurrogate(output[i + 1])) i++;
            else Assert.That(char.IsSurrogate(output[i]), Is.False, $"a lone surrogate at {i}");
        }
    }

    /// <summary>summary.md read as GitHub reads it: no link, image, autolink or HTML from anything.</summary>
    public static MarkdownDocument AssertMarkdown(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Gfm);
        var active = document.Descendants().Where(n => n is LinkInline or AutolinkInline or HtmlInline or HtmlBlock).ToList();
        Assert.That(active.Select(n => markdown.Substring(n.Span.Start, Math.Max(0, n.Span.Length))), Is.Empty, markdown);
        Assert.That(markdown.TrimEnd('\n').Where(c => c != '\n').Any(Visible.IsForbidden), Is.False, "no control character in the file");
        return document;
    }

    /// <summary>The code spans of a Markdown document: where outside text must be.</summary>
    public static IEnumerable<string> Code(MarkdownDocument document) => document.Descendants<CodeInline>().Select(c => c.Content);

    /// <summary>junit.xml read whole by an XML reader that checks every character; returns the test cases' names.</summary>
    public static List<string> AssertJunit(string path)
    {
        var names = new List<string>();
        using var reader = XmlReader.Create(path, new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
            if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute("name") is { } name) names.Add(name);
        Assert.That(names, Is.Not.Empty, "junit.xml has test suites");
        return names;
    }

    /// <summary>Every file and folder under <paramref name="root"/>, relative to it.</summary>
    public static List<string> Tree(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal).ToList();
}
