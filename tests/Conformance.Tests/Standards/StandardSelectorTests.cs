using System.Text.Json.Nodes;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Standards;

public class StandardSelectorTests
{
    private static readonly IReadOnlyCollection<Profile> Installed =
        ConformanceRun.DefaultCatalogue().Ids.Select(ConformanceRun.DefaultCatalogue().Load).ToList();

    private static string Choose(string? json) => StandardSelector.Choose(json is null ? null : JsonNode.Parse(json), Installed).StandardId;

    [TestCase("""{"version": "HSDS-UK-3.0"}""", "oruk-3.0")]
    [TestCase("""{"version": "hsds-uk-3.0.1", "openapi_url": "https://example.org/x.json"}""", "oruk-3.0")]
    [TestCase("""{"version": "3.0", "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"}""", "hsds-3.0")]
    [TestCase("""{"version": "3.0", "openapi_url": "https://docs.openreferraluk.org/en/latest/openapi30.json"}""", "oruk-3.0")]
    [TestCase("""{"openapi_url": "https://openreferraluk.org/specifications/1.0/openapi.json"}""", "oruk-1.0")]
    [TestCase("""{"openapi_url": "https://openreferraluk.org/specifications/3.0/openapi.json"}""", "oruk-3.0")]
    [TestCase("""{"version": "3.0", "profile": "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md", "openapi_url": "https://vendor.example/openapi.json"}""", "oruk-3.0")]
    [TestCase("""{"name": "my api"}""", "oruk-1.0")]
    [TestCase(null, "oruk-1.0")]
    public void It_chooses_as_the_oruk_validator_does(string? root, string expected) =>
        Assert.That(Choose(root), Is.EqualTo(expected));

    [Test]
    public void A_version_no_installed_standard_covers_is_refused_not_guessed() =>
        Assert.That(() => Choose("""{"version": "HSDS-UK-9.9"}"""), Throws.TypeOf<ConfigurationException>().With.Message.Contains("9.9"));

    [Test]
    public void An_unreadable_root_says_what_happened() =>
        Assert.That(StandardSelector.Choose(null, Installed, "it answered 500").Reason, Does.Contain("could not be read (it answered 500)"));

    [Test]
    public void It_says_why() =>
        Assert.That(StandardSelector.Choose(null, Installed).Reason, Does.Contain("falls back to ORUK 1.0"));
}
