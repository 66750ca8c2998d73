using System.Text;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Http;

/// <summary>Whatever bytes a server sends, reading them as JSON gives a value or a reason, never an exception.</summary>
public class ExchangeTests
{
    [Test]
    public void A_utf8_byte_order_mark_is_allowed()
    {
        var exchange = Raw("/", [0xEF, 0xBB, 0xBF, .. "{\"a\": 1}"u8.ToArray()]);
        Assert.That(exchange.Json.Error, Is.Null);
        Assert.That(exchange.JsonElement, Is.Not.Null);
    }

    [Test]
    public void Invalid_utf8_is_a_reason_not_a_crash()
    {
        var exchange = Raw("/", [.. "{\"id\": \""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        Assert.That(exchange.Json.Node, Is.Null);
        Assert.That(exchange.Json.Error, Does.Contain("UTF-8"));
    }

    [Test]
    public void Duplicate_keys_are_a_reason_not_a_crash()
    {
        var exchange = Raw("/", "{\"id\": \"a\", \"id\": \"b\"}"u8.ToArray());
        Assert.That(exchange.Json.Node, Is.Null);
        Assert.That(exchange.Json.Error, Is.Not.Null);
    }

    [Test]
    public void Absurdly_deep_nesting_is_a_reason_not_a_crash()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));
        Assert.That(Raw("/", deep).Json.Error, Is.Not.Null);
    }

    [Test]
    public void Non_ascii_text_is_read_as_sent() =>
        Assert.That(Raw("/", Encoding.UTF8.GetBytes("{\"name\": \"Caffi Cymraeg ☕\"}")).Json.Node!["name"]!.GetValue<string>(),
            Is.EqualTo("Caffi Cymraeg ☕"));

    [Test]
    public void An_excerpt_never_shows_part_of_a_secret_that_its_cut_would_split()
    {
        var secret = "SEKRIT-" + new string('z', 40);
        var body = new string('a', 1990) + secret + new string('b', 100);
        var exchange = Fixtures.Raw("/services", System.Text.Encoding.UTF8.GetBytes(body));
        Assert.That(exchange.Excerpt([secret]), Does.Not.Contain("SEKRIT").And.Contain("***"));
    }
}
