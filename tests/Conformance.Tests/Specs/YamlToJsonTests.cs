using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text;
using Conformance.Specs;
using YamlDotNet.Core;

namespace Conformance.Tests.Specs;

/// <summary>YAML as JSON: typed as YAML 1.2's core schema types it; aliases copied within a budget; nesting bounded.</summary>
public class YamlToJsonTests
{
    /// <summary>A "billion laughs": nine levels of nine aliases each, 9^9 (387 million) strings if expanded.</summary>
    public static string AliasBomb()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }
        return text.ToString();
    }

    [Test]
    public void Scalars_are_typed_as_yaml_1_2_core_schema_types_them()
    {
        var node = YamlToJson.Convert("""
            int: 12
            quoted: "12"
            float: 1.5
            yes: true
            none: ~
            time: 12:30
            text: plain words
            list: [1, two]
            """)!;
        Assert.That(node.ToJsonString(), Is.EqualTo("""{"int":12,"quoted":"12","float":1.5,"yes":true,"none":null,"time":"12:30","text":"plain words","list":[1,"two"]}"""));
    }

    [Test]
    public void An_empty_text_is_no_document() => Assert.That(YamlToJson.Convert(""), Is.Null);

    [Test]
    public void Aliases_are_copies_of_their_anchors()
    {
        var node = YamlToJson.Convert("""
            error: &error {type: object, required: [code]}
            responses: {"400": *error, "404": *error}
            name: &name id
            *name : 7
            """)!;
        Assert.That(node["responses"]!["400"]!.ToJsonString(), Is.EqualTo("""{"type":"object","required":["code"]}"""));
        node["responses"]!["400"]!["type"] = "string";
        Assert.That(node["responses"]!["404"]!["type"]!.GetValue<string>(), Is.EqualTo("object"), "each alias is its own copy");
        Assert.That(node["id"]!.GetValue<long>(), Is.EqualTo(7), "an alias may be a key");
    }

    [Test]
    public void An_alias_bomb_is_refused_quickly_without_expanding()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Assert.That(() => YamlToJson.Convert(AliasBomb()),
            Throws.TypeOf<SpecLoadException>().With.Message.Contains("alias bomb is refused"));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        TestContext.Out.WriteLine($"alias bomb refused in {clock.ElapsedMilliseconds} ms, {allocated / 1_000_000.0:0.0} MB allocated");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(allocated, Is.LessThan(200_000_000), "it stops at the budget, long before gigabytes");
    }

    [Test]
    public void Aliases_within_the_budget_are_expanded()
    {
        // Five levels (a to e): about 75,000 nodes added by aliases, within the budget.
        var text = string.Join('\n', AliasBomb().Split('\n').Take(5));
        var node = YamlToJson.Convert(text)!;
        Assert.That(node["e"]!.AsArray().Count, Is.EqualTo(9));
        Assert.That(node["e"]![8]![8]![8]![8]![8]!.GetValue<string>(), Is.EqualTo("lol"));
    }

    [Test]
    public void An_alias_inside_its_own_anchor_is_refused() =>
        Assert.That(() => YamlToJson.Convert("a: &a [1, *a]\n"), Throws.TypeOf<YamlException>().With.Message.Contains("names no complete anchor"));

    [Test]
    public void A_repeated_key_is_refused() =>
        Assert.That(() => YamlToJson.Convert("a: 1\nb: 2\na: 3\n"), Throws.TypeOf<YamlException>().With.Message.Contains("Duplicate key 'a'"));

    [Test]
    public void Nesting_is_bounded_and_never_overflows_the_stack()
    {
        string Nested(int depth) => new string('[', depth) + new string(']', depth);
        Assert.That(YamlToJson.Convert(Nested(YamlToJson.MaxDepth)), Is.InstanceOf<JsonArray>());
        Assert.That(() => YamlToJson.Convert(Nested(YamlToJson.MaxDepth + 1)), Throws.TypeOf<SpecLoadException>().With.Message.Contains("nests deeper than 64"));
        Assert.That(() => YamlToJson.Convert(Nested(1_000_000)), Throws.TypeOf<SpecLoadException>());
    }
}
