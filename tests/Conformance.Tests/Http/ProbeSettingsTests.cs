using Conformance.Http;

namespace Conformance.Tests.Http;

/// <summary>Nothing is sent with a header or credential that could split or cut a request; the value is never shown.</summary>
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
}
