using Conformance.Drift;

namespace Conformance.IntegrationTests.Drift;

/// <summary>docs/drift.md shows the rules exactly as the code has them.</summary>
public class DriftDocsTests
{
    [Test]
    public void The_rules_in_docs_drift_md_are_current()
    {
        var page = File.ReadAllText(Path.Combine(Checkout.Root, "docs", "drift.md"));
        Assert.That(page, Is.EqualTo(DriftMarkdown.Update(page)),
            "docs/drift.md is stale: run `dotnet run --project src/Conformance.Cli -- drift --rules --out docs/drift.md`");
        foreach (var rule in DriftRules.All) Assert.That(page, Does.Contain($"#### {rule.Id}"));
    }
}
