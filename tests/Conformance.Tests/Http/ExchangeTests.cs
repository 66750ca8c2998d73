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

    [TestCase("""{"name": "caf\ud800"}""", "\\ud800")]
    [TestCase("""{"name": "\udc00 low first"}""", "\\udc00")]
    [TestCase("""{"name": "high \ud83d then not low \u0041"}""", "\\ud83d")]
    [TestCase("""{"name": "high \ud83d then a short escape \n"}""", "\\ud83d")]
    [TestCase("""{"\uDBFF": 1}""", "\\udbff")]
    [TestCase("""["ok \ud83d\ude00", "at the end \ud83d"]""", "\\ud83d")]
    public void A_lone_surrogate_escape_is_no_text_and_a_reason_not_a_crash(string json, string named)
    {
        var exchange = Fixtures.Raw("/", Encoding.UTF8.GetBytes(json));
        Assert.That(exchange.Json.Node, Is.Null);
        Assert.That(exchange.Json.Error, Does.Contain(named).And.Contain("no Unicode text"));
        Assert.That(exchange.BodyRefused, Is.False, "the supplier's fault, not the harness's choice");
    }

    [TestCase("""{"name": "a pair \ud83d\ude00 and \uD83D\uDE00"}""")]
    [TestCase("""{"name": "an escaped backslash, then text: \\ud800"}""")]
    [TestCase("""{"name": "plain é and 😀"}""")]
    public void Surrogates_in_pairs_and_text_that_only_looks_like_an_escape_are_text(string json)
    {
        var exchange = Fixtures.Raw("/", Encoding.UTF8.GetBytes(json));
        Assert.That(exchange.Json.Error, Is.Null);
        Assert.That(exchange.Json.Node!["name"]!.GetValue<string>(), Is.Not.Empty);
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

    [TestCase("null")]
    [TestCase("\"text\"")]
    [TestCase("[1, {\"a\": null}]")]
    [TestCase("{\"a\": [true, 2.5]}")]
    public void The_body_reads_as_JsonNode_parse_reads_it(string json)
    {
        var exchange = Raw("/", Encoding.UTF8.GetBytes(json));
        Assert.That(exchange.Json.Node?.ToJsonString(), Is.EqualTo(System.Text.Json.Nodes.JsonNode.Parse(json)?.ToJsonString()));
        Assert.That(exchange.JsonElement!.Value.GetRawText(), Is.EqualTo(json));
    }

    /// <summary>A body with one long string, as a large but legal record has.</summary>
    private static byte[] Large(int megabytes) => Encoding.UTF8.GetBytes($"{{\"description\": \"{new string('a', megabytes * 1024 * 1024)}\"}}");

    [Test]
    public void A_large_body_is_parsed_without_being_copied()
    {
        _ = Raw("/", Large(8)).Json; // the parser's pooled buffers, rented once
        var exchange = Raw("/", Large(8));
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = exchange.Json;
        _ = exchange.JsonElement;
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(exchange.Body.Length / 4),
            "one parse over the body's own bytes: no copy for a JsonNode, none for a JsonElement");
    }

    [Test]
    public void An_excerpt_of_a_large_body_decodes_only_its_start()
    {
        var exchange = Raw("/", Large(8));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var excerpt = exchange.Excerpt();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64 * 1024));
        Assert.That(excerpt, Does.StartWith("{\"description\": \"aaa").And.EndWith($"… ({exchange.Body.Length} bytes in all)"));
        Assert.That(excerpt, Has.Length.EqualTo(2000 + $"… ({exchange.Body.Length} bytes in all)".Length));
    }

    [TestCase("{\"a\": 1}", "{\"a\": 1}")]
    [TestCase("\u00e9t\u00e9", "\u00e9t\u00e9")]
    public void A_short_body_is_its_own_excerpt(string body, string expected) =>
        Assert.That(Raw("/", Encoding.UTF8.GetBytes(body)).Excerpt(), Is.EqualTo(expected));

    [Test]
    public void An_excerpt_of_multibyte_text_counts_characters_not_bytes()
    {
        var text = new string('\u00e9', 3000); // two bytes each
        var excerpt = Raw("/", Encoding.UTF8.GetBytes(text)).Excerpt();
        Assert.That(excerpt, Is.EqualTo(new string('\u00e9', 2000) + "… (6000 bytes in all)"));
    }
}
