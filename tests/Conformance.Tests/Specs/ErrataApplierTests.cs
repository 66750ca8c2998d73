using System.Text.Json.Nodes;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Specs;

public class ErrataApplierTests
{
    private static Erratum Erratum(string at, JsonNode? expect, JsonNode? value) => new()
    {
        Id = "T-E1", Title = "a correction", Reason = "because", Source = "the text",
        Edits = [new ErratumEdit(at, expect, value)],
    };

    [Test]
    public void An_erratum_replaces_what_it_expects_and_is_reported()
    {
        var root = JsonNode.Parse("""{"a": {"b/c": {"type": "time"}}}""")!;
        var diagnostics = ErrataApplier.Apply(root, [Erratum("/a/b~1c/type", "time", "string")]).ToList();
        Assert.That(root["a"]!["b/c"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(diagnostics.Single().Message, Does.StartWith("Erratum T-E1 applied"));
        Assert.That(diagnostics.Single(), Has.Property("ErratumId").EqualTo("T-E1").And.Property("Use").EqualTo(ErratumUse.Applied));
    }

    [Test]
    public void An_erratum_can_add_what_is_absent()
    {
        var root = JsonNode.Parse("""{"schema": {"type": "object"}}""")!;
        ErrataApplier.Apply(root, [Erratum("/schema/required", null, new JsonArray("version"))]).ToList();
        Assert.That(root["schema"]!["required"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("version"));
    }

    [Test]
    public void An_erratum_that_does_not_match_is_not_applied_and_says_so()
    {
        var root = JsonNode.Parse("""{"type": "string"}""")!;
        var diagnostics = ErrataApplier.Apply(root, [Erratum("/type", "time", "integer")]).ToList();
        Assert.That(root["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(diagnostics.Single().Message, Does.Contain("not applied"));
        Assert.That(diagnostics.Single(), Has.Property("ErratumId").EqualTo("T-E1").And.Property("Use").EqualTo(ErratumUse.NotApplied));
    }
}
