using System.Text;
using Conformance.Drift;

namespace Conformance.Tests.Drift;

/// <summary>A supplier's document is outside text: one built to make the comparison explode ends it quickly, as an error, never a pass.</summary>
public class DriftHostileTests
{
    /// <summary>Levels of anyOf, each branch naming the next level: every branch of one side is tried against every branch of the other.</summary>
    private static string Nested(int levels, int branches, string leaf)
    {
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /things:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/L0'}\ncomponents:\n  schemas:\n");
        for (var level = 0; level < levels; level++)
        {
            yaml.Append($"    L{level}:\n      anyOf:\n");
            for (var b = 0; b < branches; b++)
                yaml.Append($"        - {{type: object, required: [p{b}], properties: {{p{b}: {{$ref: '#/components/schemas/L{level + 1}'}}}}}}\n");
        }
        yaml.Append($"    L{levels}: {leaf}\n");
        return yaml.ToString();
    }

    [Test]
    public void Branches_nested_to_explode_end_the_comparison_quickly_as_not_compared()
    {
        // The budget counts comparisons, not time: that it ran out is the proof (how fast is a benchmark's business).
        var report = DriftComparer.Compare(DriftExamples.Contract(ExampleFrame.Paths, Nested(12, 4, "{type: string}"), "standard"),
            DriftExamples.Contract(ExampleFrame.Paths, Nested(12, 4, "{type: integer}"), "supplier"));
        Assert.That(report.Differences.Where(d => d.Rule == DriftRules.ReferenceUnresolved).Select(d => d.Detail),
            Has.One.Contains("too complex to compare"));
    }
}
