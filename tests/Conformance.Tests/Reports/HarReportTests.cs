using System.Text.Json.Nodes;
using System.Text;
using Conformance.Http;
using Conformance.Reports;
using Conformance.Running;

namespace Conformance.Tests.Reports;

public class HarReportTests
{
    private static JsonArray Entries(RunResult result)
    {
        var har = JsonNode.Parse(Runs.Write(new HarReport(), result))!["log"]!;
        Assert.That(har["version"]!.GetValue<string>(), Is.EqualTo("1.2"));
        var entries = har["entries"]!.AsArray();
        foreach (var entry in entries) HarShape.AssertEntry(entry!);
        return entries;
    }

    [Test]
    public void Every_request_is_an_entry_each_redirect_followed_included_and_a_request_never_sent_is_not()
    {
        var redirected = Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 0), page: 1) with
        {
            Redirects = [new Redirect(301, "http://vendor.test/v3/services?page=1")],
        };
        var refused = Fixtures.Unanswered("/services/x");
        var unsent = Fixtures.Unanswered("/") with { TransportError = $"{Probe.NoToken}: the token endpoint answered 401" };
        var entries = Entries(Runs.Of([Runs.Result(Outcome.Pass, redirected)], [redirected, refused, unsent]));
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(3));
            Assert.That(entries[0]!["response"]!["status"]!.GetValue<int>(), Is.EqualTo(301));
            Assert.That(entries[0]!["response"]!["redirectURL"]!.GetValue<string>(), Is.EqualTo("http://vendor.test/v3/services?page=1"));
            Assert.That(entries[1]!["request"]!["url"]!.GetValue<string>(), Is.EqualTo("http://vendor.test/v3/services?page=1"), "the answer came from where it was sent");
            Assert.That(entries[1]!["request"]!["queryString"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("1"));
            Assert.That(entries[1]!["_id"]!.GetValue<string>(), Is.EqualTo("e1"), "the id report.json cites it by");
            Assert.That(entries[2]!["response"]!["status"]!.GetValue<int>(), Is.Zero, "no answer came");
            Assert.That(entries[2]!["_error"]!.GetValue<string>(), Is.EqualTo("Connection refused"));
        });
    }

    private const string Secret = "k3y-secret-value";

    /// <summary>Every string anywhere in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    /// <summary>
    /// A server echoing the secret in every field a HAR entry has: the content type (which was written whole as
    /// content.mimeType), a header's name and value, cookies, a redirect, the URL and its query, a posted form, an error.
    /// </summary>
    [Test]
    public void A_secret_echoed_in_any_field_is_masked_in_every_field()
    {
        var echoed = Fixtures.Raw($"/services?key={Secret}", Encoding.UTF8.GetBytes($"<p>{Secret}</p>"), contentType: $"text/html; token={Secret}") with
        {
            Method = "POST",
            RequestHeaders = [new("Accept", "application/json"), new("Cookie", $"session={Secret}; other=1")],
            ResponseHeaders = [new($"X-{Secret}", "1"), new("X-Echo", Secret), new("Set-Cookie", $"{Secret}=x; Path=/{Secret}; HttpOnly"),
                new("Location", $"http://vendor.test/next?k={Uri.EscapeDataString(Secret)}")],
            Redirects = [new Redirect(302, $"http://vendor.test/services?key={Secret}&page=1")],
            Form = [new("service_code", Secret), new(Secret, "value")],
            TransportError = $"reset while reading {Secret}",
            Operation = $"POST /services/{Secret}",
            Purpose = $"id {Secret}",
        };
        var unmasked = JsonNode.Parse(Runs.Write(new HarReport(), Runs.Of([], [echoed])))!;
        Assert.That(Strings(unmasked).Count(s => s.Contains(Secret)), Is.GreaterThanOrEqualTo(15), "every field held the secret before masking");
        var har = JsonNode.Parse(Runs.Write(new HarReport(), Runs.Of([], [echoed], secrets: [Secret])))!;
        var entries = Entries(Runs.Of([], [echoed], secrets: [Secret]));
        Assert.Multiple(() =>
        {
            Assert.That(Strings(har).Where(s => s.Contains(Secret) || s.Contains(Uri.EscapeDataString(Secret))), Is.Empty);
            var answer = entries[1]!;
            Assert.That(answer["response"]!["content"]!["mimeType"]!.GetValue<string>(), Is.EqualTo("text/html; token=***"));
            Assert.That(answer["response"]!["cookies"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("***"));
            Assert.That(answer["response"]!["cookies"]![0]!["path"]!.GetValue<string>(), Is.EqualTo("/***"));
            Assert.That(answer["request"]!["cookies"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("***"));
            Assert.That(answer["request"]!["postData"]!["params"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("***"));
            Assert.That(answer["request"]!["postData"]!["text"]!.GetValue<string>(), Is.EqualTo("service_code=***&***=value"));
            Assert.That(entries[0]!["response"]!["redirectURL"]!.GetValue<string>(), Is.EqualTo("http://vendor.test/services?key=***&page=1"));
            Assert.That(answer["request"]!["queryString"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("***"));
        });
    }

    [Test]
    public void A_binary_body_whose_base64_would_spell_a_secret_is_withheld()
    {
        // Bytes chosen so that their base64 is the secret itself: masking the bytes finds nothing, the encoding would show it.
        var bytes = Convert.FromBase64String("SEKRITsecretABCD");
        var binary = Fixtures.Raw("/logo", [0xFF, .. bytes.Skip(1)], contentType: "image/png");
        var spelled = Convert.ToBase64String([0xFF, .. bytes.Skip(1)])[4..];
        var content = Entries(Runs.Of([], [binary], secrets: [spelled]))[0]!["response"]!["content"]!;
        Assert.That(content["text"], Is.Null);
        Assert.That(content["comment"]!.GetValue<string>(), Does.StartWith("[withheld:"));
    }

    [Test]
    public void A_utf8_body_is_text_and_any_other_is_base64_masked_either_way()
    {
        var text = Fixtures.Raw("/", Encoding.UTF8.GetBytes("{\"note\":\"café k3y-secret-value\"}"));
        var binary = Fixtures.Raw("/logo", [0xFF, 0xD8, .. Encoding.ASCII.GetBytes("k3y-secret-value"), 0x00, 0xC3], contentType: "image/jpeg");
        var entries = Entries(Runs.Of([], [text, binary], secrets: ["k3y-secret-value"]));
        var first = entries[0]!["response"]!["content"]!;
        var second = entries[1]!["response"]!["content"]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["text"]!.GetValue<string>(), Is.EqualTo("{\"note\":\"café ***\"}"));
            Assert.That(first["encoding"], Is.Null);
            Assert.That(second["encoding"]!.GetValue<string>(), Is.EqualTo("base64"));
            Assert.That(Convert.FromBase64String(second["text"]!.GetValue<string>()), Is.EqualTo((byte[])[0xFF, 0xD8, .. "***"u8.ToArray(), 0x00, 0xC3]));
            Assert.That(second["size"]!.GetValue<int>(), Is.EqualTo(20), "the size is the body's own");
        });
    }

    [Test]
    public void A_page_kept_cut_down_says_what_was_kept()
    {
        var page = Fixtures.JsonExchange("/services", Fixtures.Page(2, 3, 25, Fixtures.Service(Fixtures.Id1)), page: 2);
        var kept = page.Reduced(Conformance.Evidence.PageSkeleton.Of(page.Json.Node, Fixtures.Profile.Pagination!, new HashSet<string> { "id" })!);
        var content = Entries(Runs.Of([], [kept]))[0]!["response"]!["content"]!;
        Assert.That(content["comment"]!.GetValue<string>(), Does.StartWith($"A page judged as it arrived: of its {page.Body.Length} bytes only the envelope"));
        Assert.That(content["text"]!.GetValue<string>(), Does.Contain(Fixtures.Id1).And.Not.Contain("Lunch club"));
    }

    [Test]
    public void A_body_longer_than_the_limit_is_cut_at_a_character_and_says_so()
    {
        // "é" is two bytes: the limit falls inside one, which is left out rather than written broken.
        var body = Encoding.UTF8.GetBytes("a" + new string('é', HarReport.MostBodyBytes / 2));
        var content = Entries(Runs.Of([], [Fixtures.Raw("/", body, contentType: "text/plain")]))[0]!["response"]!["content"]!;
        Assert.Multiple(() =>
        {
            Assert.That(content["text"]!.GetValue<string>(), Has.Length.EqualTo(HarReport.MostBodyBytes / 2));
            Assert.That(content["encoding"], Is.Null, "still text");
            Assert.That(content["comment"]!.GetValue<string>(), Does.Contain($"Only the first {HarReport.MostBodyBytes} of the {body.Length} bytes"));
        });
    }

    [Test]
    public void Secrets_in_urls_and_headers_are_masked()
    {
        var echo = Fixtures.JsonExchange("/services", new JsonObject()) with
        {
            Url = "http://vendor.test/services?token=k3y-secret-value",
            ResponseHeaders = [new("X-Echo", "k3y-secret-value")],
        };
        var har = Runs.Write(new HarReport(), Runs.Of([], [echo], secrets: ["k3y-secret-value"]));
        Assert.That(har, Does.Not.Contain("k3y-secret-value").And.Contain("token=***"));
    }
}
