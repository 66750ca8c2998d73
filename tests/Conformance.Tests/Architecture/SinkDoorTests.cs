using System.Text.RegularExpressions;

namespace Conformance.Tests.Architecture;

/// <summary>
/// The wrong way made hard, and then found: outside text reaches a sink only through that sink's encoder, so the
/// source may not write to a sink any other way. Each rule names the calls that would bypass an encoder and the only
/// files allowed to make them (the encoders themselves).
/// </summary>
public class SinkDoorTests
{
    private sealed record Rule(string Sink, string Folder, Regex Bypass, string[] Doors);

    private static readonly Rule[] Rules =
    [
        // The console: only Terminal and ConsoleText (src/Conformance.Cli/Output) touch Spectre's writing API or System.Console.
        new("console", "src/Conformance.Cli",
            new(@"AnsiConsole\.(Markup|Write|Render|Progress|Status|Live)|\.Markup(Line)?(Interpolated)?\(|Markup\.Escape|new\s+(Markup|Table|Text|Paragraph)\(|\.AddRow\(|Console\.(Write|Out|Error)|\.Description\s*="),
            ["src/Conformance.Cli/Output/"]),
        // Nothing in the library writes to the console at all.
        new("console", "src/Conformance", new(@"AnsiConsole|Console\.(Write|Out|Error)"), []),
        // XML: only the inert writer makes an XmlWriter.
        new("xml", "src/Conformance", new(@"XmlWriter\.Create|XmlTextWriter|\.WriteAttributeString\(|\.WriteElementString\(|\.WriteString\("), ["src/Conformance/Text/XmlValue.cs"]),
        // Markdown: the writers build documents through MarkdownWriter, never by appending strings.
        new("markdown", "src/Conformance", new(@"StringBuilder|AppendLine|\+=\s*\$"), []),
    ];

    /// <summary>The Markdown writers: files that make summary.md or a job summary.</summary>
    private static readonly string[] MarkdownWriters = ["src/Conformance/Reports/MarkdownReport.cs", "src/Conformance/Monitoring/MonitorSummary.cs"];

    [Test]
    public void No_writer_reaches_a_sink_but_through_its_encoder()
    {
        var root = Fixtures.RepositoryRoot();
        var breaches = new List<string>();
        foreach (var rule in Rules)
        {
            var files = rule.Sink == "markdown"
                ? MarkdownWriters.Select(f => Path.Combine(root, f))
                : Directory.EnumerateFiles(Path.Combine(root, rule.Folder), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (rule.Doors.Any(d => relative.StartsWith(d, StringComparison.Ordinal))) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var code = lines[i].TrimStart();
                    if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("///", StringComparison.Ordinal)) continue;
                    if (rule.Bypass.Match(lines[i]) is { Success: true } match)
                        breaches.Add($"{relative}:{i + 1}: {match.Value} ({rule.Sink})");
                }
            }
        }
        Assert.That(breaches, Is.Empty);
    }

    [Test]
    public void The_scan_would_find_a_raw_write()
    {
        var console = Rules[0].Bypass;
        Assert.Multiple(() =>
        {
            Assert.That(console.IsMatch("AnsiConsole.MarkupLineInterpolated($\"{x}\");"), Is.True);
            Assert.That(console.IsMatch("table.AddRow(Markup.Escape(name));"), Is.True);
            Assert.That(console.IsMatch("Console.Out.Write(text);"), Is.True);
            Assert.That(console.IsMatch("say.Line($\"{x}\");"), Is.False);
            Assert.That(Rules[2].Bypass.IsMatch("xml.WriteAttributeString(\"name\", value);"), Is.True);
            Assert.That(Rules[3].Bypass.IsMatch("md.AppendLine($\"| {x} |\");"), Is.True);
        });
    }
}
