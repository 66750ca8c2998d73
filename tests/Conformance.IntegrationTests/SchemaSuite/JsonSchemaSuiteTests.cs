using Conformance.Specs;

namespace Conformance.IntegrationTests.SchemaSuite;

/// <summary>
/// The official JSON Schema Test Suite, judged through SpecLoader and ResponseSchemaCheck exactly as a run judges a
/// response body: verdicts on material nobody here wrote.
/// </summary>
public class JsonSchemaSuiteTests
{
    private const string Draft7 = "http://json-schema.org/draft-07/schema#";

    /// <summary>
    /// Tests whose expectation differs from ours by design, by name, with the reason. Format assertion is on on
    /// purpose (the standards require formats), so the required suite's "only an annotation by default" tests
    /// cannot hold; the optional/format tests judge our format validators instead.
    /// </summary>
    private static string? ExcludedBecause(JsonSchemaSuite.Case c) =>
        c.File == "format" && c.Test.EndsWith("is only an annotation by default", StringComparison.Ordinal)
            ? "format assertion is deliberately on; see Asserted_formats_never_fail_a_valid_value"
            : null;

    private static List<JsonSchemaSuite.Case> Run(string draft, string? dialect, string subfolder = "")
    {
        if (JsonSchemaSuite.Root is null) Assert.Ignore("../shared/json-schema-test-suite is absent: the official suite is not available here.");
        return JsonSchemaSuite.Run(draft, dialect, subfolder);
    }

    [TestCase("draft2020-12", null)]
    [TestCase("draft7", Draft7)]
    public void At_least_99_percent_of_the_required_tests_agree(string draft, string? dialect)
    {
        var cases = Run(draft, dialect);
        var counted = cases.Where(c => ExcludedBecause(c) is null).ToList();
        var misses = counted.Where(c => !c.Agrees).ToList();
        var share = 100.0 * (counted.Count - misses.Count) / counted.Count;
        TestContext.Out.WriteLine($"{draft}: {counted.Count - misses.Count}/{counted.Count} ({share:0.0}%), {cases.Count - counted.Count} excluded by name");
        foreach (var miss in misses)
            TestContext.Out.WriteLine($"  {miss.Name}: expected {(miss.Valid ? "valid" : "invalid")}, judged {miss.Judged?.ToString() ?? "error"} {miss.Problem}");
        Assert.That(share, Is.GreaterThanOrEqualTo(99.0));
    }

    [TestCase("draft2020-12", null)]
    [TestCase("draft7", Draft7)]
    public void No_invalid_body_passes_not_oneOf_or_contains(string draft, string? dialect)
    {
        var falsePasses = Run(draft, dialect).Where(c => c.File is "not" or "oneOf" or "contains" && !c.Valid && c.Judged != false).ToList();
        Assert.That(falsePasses.Select(c => c.Name), Is.Empty);
    }

    [TestCase("draft2020-12", null)]
    [TestCase("draft7", Draft7)]
    public void Asserted_formats_never_fail_a_valid_value(string draft, string? dialect)
    {
        var cases = Run(draft, dialect, "optional/format");
        var falseFailures = cases.Where(c => c.Valid && c.Judged != true).Select(c => $"{c.Name} ({c.Problem})").ToList();
        Assert.That(falseFailures, Is.Empty);
        // And the asserted formats do reject: each of them fails at least one value the suite calls invalid.
        var rejecting = cases.Where(c => !c.Valid && c.Judged == false).Select(c => FormatOf(c.File)).ToHashSet();
        Assert.That(FormatAssertion.Asserted.Where(f => cases.Any(c => FormatOf(c.File) == f) && !rejecting.Contains(f)), Is.Empty);
    }

    /// <summary>The format a file of optional/format tests: named after it, save ECMA-262 patterns.</summary>
    private static string FormatOf(string file) => file == "ecmascript-regex" ? "regex" : file;

    [TestCase("draft2020-12", null)]
    [TestCase("draft7", Draft7)]
    public void Unproven_formats_are_annotations_only(string draft, string? dialect)
    {
        var cases = Run(draft, dialect, "optional/format").Where(c => FormatAssertion.AnnotationOnly.Contains(FormatOf(c.File))).ToList();
        Assert.That(cases, Is.Not.Empty);
        Assert.That(cases.Where(c => c.Judged != true).Select(c => c.Name), Is.Empty);
    }
}
