using Conformance.Drift;

namespace Conformance.Tests.Drift;

/// <summary>
/// Every rule, judged both ways on its own pair of small documents: the supplier's finds the rule (and no other
/// breaking one), and the equivalent rewrite of the standard's, which says the same thing another way, finds nothing
/// but documentation.
/// </summary>
public class DriftRuleExampleTests
{
    private static IEnumerable<TestCaseData> Rules() => DriftRules.All.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Id));

    [TestCaseSource(nameof(Rules))]
    public void The_supplier_example_shows_the_rule(DriftRule rule)
    {
        var found = DriftExamples.Compare(rule).Differences;
        Assert.That(found.Select(d => d.Rule.Id), Does.Contain(rule.Id), string.Join("\n", found));
        var otherBreaks = found.Where(d => d.Rule != rule && d.Rule.Kind is DriftKind.Breaking or DriftKind.Unjudged);
        Assert.That(otherBreaks, Is.Empty, "the example breaks no other rule");
    }

    [TestCaseSource(nameof(Rules))]
    public void The_equivalent_rewrite_is_no_drift(DriftRule rule)
    {
        var found = DriftExamples.Compare(rule, equivalent: true).Differences.Where(d => d.Rule.Kind != DriftKind.Documentation);
        Assert.That(found, Is.Empty);
    }

    [TestCaseSource(nameof(Rules))]
    public void The_rewrite_against_the_supplier_finds_the_rule_too(DriftRule rule)
    {
        var found = DriftExamples.Compare(rule.Example, rule.Example.Equivalent, rule.Example.Supplier).Differences;
        Assert.That(found.Select(d => d.Rule.Id), Does.Contain(rule.Id), string.Join("\n", found));
    }

    [Test]
    public void Rule_ids_are_unique_kebab_case_and_each_names_a_clause()
    {
        Assert.That(DriftRules.All.Select(r => r.Id), Is.Unique);
        foreach (var rule in DriftRules.All)
        {
            Assert.That(rule.Id, Does.Match("^[a-z]+(-[a-z]+)*$"));
            Assert.That(DriftClauses.All.Select(c => c.Id), Does.Contain(rule.Clause), rule.Id);
            Assert.That(rule.Kind is DriftKind.Breaking or DriftKind.Unjudged, Is.EqualTo(DriftClauses.Get(rule.Clause).Level == Conformance.Standards.Level.Must), rule.Id);
        }
    }
}
