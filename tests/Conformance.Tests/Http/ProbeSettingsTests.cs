using Conformance.Http;

namespace Conformance.Tests.Http;

/// <summary>
/// Nothing is sent with a header or credential that could split or cut a request (the value is never shown); the body
/// cap as users give it (megabytes) and as messages name it.
/// </summary>
public class ProbeSettingsTests
{
    [TestCase("abc\r\nX-Injected: yes")]
    [TestCase("abc\0def")]
    [TestCase("abc\u007fdef")]
    public void A_control_character_in_a_header_value_is_refused_without_being_shown(string value)
    {
        var settings = new ProbeSettings { Headers = [new("X-Api-Key", value)] };
        Assert.That(() => new Probe(settings), Throws.TypeOf<ConfigurationException>()
            .With.Message.Contains("X-Api-Key").And.Message.Contains("control character").And.Message.Not.Contains("abc"));
    }

    [Test]
    public void A_credential_holding_a_control_character_is_refused()
    {
        var settings = new ProbeSettings { Credentials = new ProbeCredentials([], new("api_key", "k3y\nvalue")) };
        Assert.That(() => new Probe(settings), Throws.TypeOf<ConfigurationException>().With.Message.Not.Contains("k3y"));
    }

    [Test]
    public void A_tab_is_allowed_as_http_allows_it() =>
        Assert.That(() => new Probe(new ProbeSettings { Headers = [new("X-Note", "a\tb")] }).Dispose(), Throws.Nothing);

    [TestCase(null, 20L * 1024 * 1024)]
    [TestCase(1, 1024L * 1024)]
    [TestCase(2000, 2000L * 1024 * 1024)]
    public void A_cap_in_megabytes_or_the_default(int? megabytes, long bytes) =>
        Assert.That(ProbeSettings.FromMegabytes(megabytes), Is.EqualTo(bytes));

    [TestCase(20L * 1024 * 1024, "20 MB")]
    [TestCase(3L * 1024 * 1024 / 2, "1.5 MB")]
    [TestCase(65536, "65536 bytes")]
    public void A_cap_is_named_in_megabytes_where_it_is_one(long bytes, string said)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR"); // a decimal comma must not leak in
            Assert.That(ProbeSettings.Describe(bytes), Is.EqualTo(said));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
