using System.Text;
using Conformance.Http;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// The probe reads a body up to the cap and no further, counting the bytes as decompressed: a body as long as the
/// cap is read whole, one byte longer is cut and kept only as evidence, and a compression bomb stops at the cap.
/// </summary>
public class BodyCapTests
{
    private const long Cap = 1024 * 1024; // small, so the tests are quick: the default is 20 MB

    private static async Task<Exchange> FetchAsync(Fault fault, TimeSpan? timeout = null)
    {
        using var server = FaultServer.Start(fault);
        using var probe = new Probe(new ProbeSettings { MaxBodyBytes = Cap, Timeout = timeout ?? TimeSpan.FromSeconds(20) });
        return await probe.GetAsync("GET /services", "fetch", new Uri($"{server.Url}/services"), anonymous: false, CancellationToken.None);
    }

    /// <summary>A JSON object exactly <paramref name="length"/> bytes long.</summary>
    private static byte[] JsonOf(long length)
    {
        const string start = "{\"contents\": [], \"padding\": \"", end = "\"}";
        return Encoding.UTF8.GetBytes(start + new string('a', (int)length - start.Length - end.Length) + end);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_body_as_long_as_the_cap_is_read_whole(bool framed)
    {
        var body = JsonOf(Cap);
        var exchange = await FetchAsync(framed ? Faults.Body(body) : Faults.Unframed(body));
        Assert.That(exchange.BodyCutAt, Is.Null);
        Assert.That(exchange.Body, Is.EqualTo(body));
        Assert.That(exchange.Json.Error, Is.Null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_body_one_byte_past_the_cap_is_cut_and_only_its_start_kept(bool framed)
    {
        var body = JsonOf(Cap + 1);
        var exchange = await FetchAsync(framed ? Faults.Body(body) : Faults.Unframed(body));
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Status, Is.EqualTo(200), "the answer came: only its body was not read whole");
            Assert.That(exchange.ContentType, Does.StartWith("application/json"));
            Assert.That(exchange.BodyCutAt, Is.EqualTo(Cap));
            Assert.That(exchange.Body, Is.EqualTo(body[..CappedBody.KeptWhenCut]), "the evidence keeps only the start of what was read");
            Assert.That(exchange.BodyRefused, Is.True, "the harness's own limit: nobody is blamed for what it did not read");
            Assert.That(exchange.Json.Error, Does.Contain("1 MB").And.Contain("--max-body"));
            Assert.That(exchange.Header("Content-Length"), framed ? Is.EqualTo($"{Cap + 1}") : Is.Null, "the server's own headers, as sent");
        });
    }

    [Test]
    public async Task A_body_that_never_ends_is_cut_at_the_cap()
    {
        var exchange = await FetchAsync(Faults.EndlessBody);
        Assert.That(exchange.BodyCutAt, Is.EqualTo(Cap));
        Assert.That(Encoding.UTF8.GetString(exchange.Body), Does.StartWith("{\"contents\": ["));
    }

    [TestCase("gzip")]
    [TestCase("deflate")]
    [TestCase("br")]
    public async Task A_compression_bomb_stops_at_the_cap_counted_decompressed(string encoding)
    {
        var exchange = await FetchAsync(Faults.Bomb(encoding));
        Assert.That(exchange.Status, Is.EqualTo(200));
        Assert.That(exchange.BodyCutAt, Is.EqualTo(Cap), "a few kilobytes on the wire, but a megabyte once decompressed");
        Assert.That(Encoding.UTF8.GetString(exchange.Body), Does.StartWith("{\"contents\": ["), "the bytes kept are the decompressed ones");
    }

    [Test]
    public async Task A_compressed_body_within_the_cap_is_read_whole()
    {
        var body = JsonOf(Cap);
        var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(body);
        var exchange = await FetchAsync(async (target, socket, wire, stop) =>
        {
            await wire.WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {packed.Length}\r\nConnection: close\r\n\r\n"), stop);
            await wire.WriteAsync(packed.ToArray(), stop);
        });
        Assert.That(exchange.BodyCutAt, Is.Null);
        Assert.That(exchange.Body, Is.EqualTo(body));
    }

    [Test]
    public async Task A_body_that_breaks_off_is_still_no_answer_as_before()
    {
        // The cap changes nothing for a body that fails: a reset, or one shorter than its Content-Length, is a transport error.
        foreach (var fault in new[] { Faults.ResetMidBody, Faults.LyingContentLength })
        {
            var exchange = await FetchAsync(fault);
            Assert.That(exchange.Answered, Is.False);
            Assert.That(exchange.TransportError, Is.Not.Null.And.Not.Empty);
        }
    }

    [Test]
    public async Task A_trickling_body_is_still_bounded_by_the_timeout()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exchange = await FetchAsync(Faults.Trickle, TimeSpan.FromSeconds(2));
        Assert.That(exchange.TransportError, Is.EqualTo("no answer within 2 s"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(2001L * 1024 * 1024)]
    public void A_cap_out_of_range_is_a_configuration_error(long cap) =>
        Assert.That(() => new Probe(new ProbeSettings { MaxBodyBytes = cap }), Throws.TypeOf<ConfigurationException>().With.Message.Contain("body cap"));

    [Test]
    public async Task A_token_endpoint_that_never_stops_answering_gives_no_token_not_an_exhausted_harness()
    {
        using var server = FaultServer.Start(Faults.EndlessBody);
        var oauth = new OAuth2ClientCredentials(new Uri($"{server.Url}/token"), "client", "client-secret", null, TimeSpan.FromSeconds(20));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(async () => await oauth.TokenAsync(CancellationToken.None),
            Throws.TypeOf<OAuth2Exception>().With.Message.Contain("without an access_token"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "cut at a megabyte, not read for the timeout's 20 s");
    }
}
