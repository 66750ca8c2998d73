using Conformance.Running;
using Conformance.Specs;

namespace Conformance.Tests.Specs;

/// <summary>A document's errata in one line, true to how each met it (the console printed one long line per erratum, and called every one applied).</summary>
public class ErrataSummaryTests
{
    private static SpecDiagnostic Erratum(string id, ErratumUse use) =>
        new(SpecDiagnostic.Erratum, "/x", $"Erratum {id} and a long explanation of it") { ErratumId = id, Use = use };

    [Test]
    public void Our_transcription_says_its_errata_are_incorporated()
    {
        var spec = ConformanceRun.Prepare("oruk-3.0", null, new FetchPolicy(new RefMap()), ConformanceRun.DefaultCatalogue()).Spec;
        Assert.That(ErrataSummary.Of(spec.Diagnostics, "the published document"),
            Is.EqualTo("3 errata incorporated in our transcription"));
    }

    [Test]
    public void Applied_and_not_applied_are_told_apart_and_those_not_applied_are_named()
    {
        SpecDiagnostic[] diagnostics =
        [
            Erratum("X-E1", ErratumUse.NotApplied), Erratum("X-E2", ErratumUse.Applied), Erratum("X-E3", ErratumUse.NotApplied),
            new(SpecDiagnostic.Parse, "/y", "not an erratum"),
        ];
        Assert.That(ErrataSummary.Of(diagnostics, "the published document"),
            Is.EqualTo("1 erratum applied to the published document, 2 not applied, as it does not hold what they correct (X-E1, X-E3)"));
        Assert.That(ErrataSummary.Of(diagnostics, "the supplier's document", naming: true),
            Is.EqualTo("1 erratum applied to the supplier's document (X-E2), 2 not applied, as it does not hold what they correct (X-E1, X-E3)"));
        Assert.That(ErrataSummary.Of([Erratum("X-E1", ErratumUse.NotApplied)], "the published document"),
            Is.EqualTo("1 erratum not applied, as the published document does not hold what it corrects (X-E1)"));
    }

    [Test]
    public void No_errata_no_line() =>
        Assert.That(ErrataSummary.Of([new SpecDiagnostic(SpecDiagnostic.Parse, "/y", "not an erratum")], "the published document"), Is.Null);
}
