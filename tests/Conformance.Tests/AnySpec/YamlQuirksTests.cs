using System.Text.Json.Nodes;
using Conformance.Specs;
using YamlDotNet.Core;

namespace Conformance.Tests.AnySpec;

/// <summary>YAML that YamlDotNet refuses but YAML 1.2 (and libyaml, PyYAML, js-yaml) reads, and YAML that is truly invalid.</summary>
public class YamlQuirksTests
{
    [Test]
    public void A_block_scalar_whose_first_line_holds_only_the_parent_indentation_is_read()
    {
        const string text = "info:\n  title: t\n  version: \"1\"\n  description: |\n  \n    Text after a blank line that holds exactly the parent indentation.\n";
        var node = YamlToJson.Convert(text)!;
        // As libyaml and PyYAML read it: the blank line is an empty line of the scalar.
        Assert.That(node["info"]!["description"]!.GetValue<string>(), Is.EqualTo("\nText after a blank line that holds exactly the parent indentation.\n"));
        Assert.That(node["info"]!["title"]!.GetValue<string>(), Is.EqualTo("t"));
    }

    [Test]
    public void A_quoted_scalar_continued_from_the_margin_is_read_as_folded()
    {
        const string text = "info:\n  description: \"First line,\nsecond from the margin, with \\\"quotes\\\" and a colon: here.\n\nA new paragraph.\"\n  version: \"1\"\n";
        var node = YamlToJson.Convert(text)!;
        Assert.That(node["info"]!["description"]!.GetValue<string>(),
            Is.EqualTo("First line, second from the margin, with \"quotes\" and a colon: here.\nA new paragraph."));
        Assert.That(node["info"]!["version"]!.GetValue<string>(), Is.EqualTo("1"));
    }

    [Test]
    public void Yaml_that_is_truly_invalid_is_refused_with_the_line_of_its_first_fault()
    {
        const string text = "a: 1\nb:\n  - x\n  c: [unclosed\n\n";
        var refused = Assert.Catch<YamlException>(() => YamlToJson.Convert(text));
        Assert.That(refused!.Start.Line, Is.EqualTo(4));
    }

    [Test]
    public void Normalising_changes_only_blank_lines_and_the_margin_of_quoted_lines()
    {
        Assert.That(YamlToJson.Normalised("a: |\n  \n    x\nb: 'it''s\nthere'\n"), Is.EqualTo("a: |\n\n    x\nb: 'it''s\n  there'\n"));
        Assert.That(YamlToJson.Normalised("a: \"closed\"\nb: x\n"), Is.EqualTo("a: \"closed\"\nb: x\n"));
    }

    [Test]
    public void Plain_scalars_are_kept_as_text_where_asked()
    {
        var node = YamlToJson.Convert("values:\n  ARS: 091620000000\n  on: true\n  list: [1, 2]\nlimit: 5\n", path => path.Count > 1 && path[0] == "values")!;
        Assert.That(node["values"]!["ARS"]!.GetValue<string>(), Is.EqualTo("091620000000"));
        Assert.That(node["values"]!["on"]!.GetValue<string>(), Is.EqualTo("true"));
        Assert.That(node["values"]!["list"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(node["limit"]!.GetValue<long>(), Is.EqualTo(5));
    }
}
