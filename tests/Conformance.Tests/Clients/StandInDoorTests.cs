using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Certificates;
using Conformance.Door;
using Conformance.Reference;
using Conformance.Reference.StandIns;
using Conformance.Running;

namespace Conformance.Tests.Clients;

/// <summary>The stand-in through its door and over HTTP: limits, listening, caps, hostile clients, reports and the certificate.</summary>
public class StandInDoorTests
{
    private static StandInDoor Door()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        return new StandInDoor { Catalogue = catalogue, Hosting = new StandIns(catalogue) };
    }

    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [TestCase(nameof(StandInOverrides.ForSeconds), 0.0, "--for must be a duration above 0 and at most a day (a number of seconds, or 90s, 5m, 1h), not '0'.")]
    [TestCase(nameof(StandInOverrides.UntilIdleSeconds), 4000.0, "--until-idle must be a number of seconds above 0 and at most an hour, not '4000'.")]
    [TestCase(nameof(StandInOverrides.MaxRequests), 0.0, "--max-requests must be a whole number of requests from 1 to 1000000, not '0'.")]
    [TestCase(nameof(StandInOverrides.MaxBodyMb), 65.0, "--max-body must be a whole number of megabytes from 1 to 64, not '65'.")]
    public void Every_number_is_held_to_its_limit_in_the_words_the_cli_prints(string name, double value, string refusal)
    {
        var overrides = name switch
        {
            nameof(StandInOverrides.ForSeconds) => new StandInOverrides { Standard = "open311-georeport-v2", ForSeconds = value },
            nameof(StandInOverrides.UntilIdleSeconds) => new StandInOverrides { Standard = "open311-georeport-v2", UntilIdleSeconds = value },
            nameof(StandInOverrides.MaxRequests) => new StandInOverrides { Standard = "open311-georeport-v2", MaxRequests = (int)value },
            _ => new StandInOverrides { Standard = "open311-georeport-v2", MaxBodyMb = (int)value },
        };
        Assert.That(() => Door().Open(overrides), Throws.TypeOf<ConfigurationException>().With.Message.EqualTo(refusal));
    }

    [Test]
    public void It_listens_on_an_ip_address_only_and_a_standard_without_a_stand_in_says_which_have_one()
    {
        Assert.That(() => Door().Open(new StandInOverrides { Standard = "open311-georeport-v2", Listen = "example.org" }),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("--listen must be an IP address (127.0.0.1, or 0.0.0.0 for every interface), not 'example.org'."));
        Assert.That(() => Door().Open(new StandInOverrides { Standard = "oruk-3.0" }), Throws.TypeOf<Conformance.Standards.ProfileException>());
        Assert.That(RunDoor.IsSetupError(new Conformance.Standards.ProfileException("x")), Is.True);
    }

    [Test]
    public async Task It_listens_on_loopback_unless_told_otherwise_and_a_port_in_use_is_refused()
    {
        using var standIn = Door().Open(new StandInOverrides { Standard = "open311-georeport-v2" });
        Assert.That((standIn.Url.Host, standIn.Loopback), Is.EqualTo(("127.0.0.1", true)));
        Assert.That((await Http.GetAsync(new Uri(standIn.Url, "services.json"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(() => Door().Open(new StandInOverrides { Standard = "open311-georeport-v2", Port = standIn.Url.Port }),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("already in use"));
    }

    [Test]
    public async Task A_body_past_the_cap_is_refused_413_and_kept_only_in_part_and_a_compressed_one_is_never_inflated()
    {
        using var standIn = Door().Open(new StandInOverrides { Standard = "open311-georeport-v2", MaxBodyMb = 1 });
        var big = new ByteArrayContent(new byte[3 * 1024 * 1024]);
        big.Headers.ContentType = new("application/x-www-form-urlencoded");
        Assert.That(await StatusOf(Http.PostAsync(new Uri(standIn.Url, "requests.json"), big)), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge).Or.Null);
        var streamed = new StreamContent(new ChunkedStream(3 * 1024 * 1024));
        streamed.Headers.ContentType = new("application/x-www-form-urlencoded");
        var chunked = new HttpRequestMessage(HttpMethod.Post, new Uri(standIn.Url, "requests.json")) { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        Assert.That(await StatusOf(Http.SendAsync(chunked)), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge).Or.Null);
        var gzip = new ByteArrayContent(Gzip(Encoding.UTF8.GetBytes(ClientFixtures.GoodPost)));
        gzip.Headers.ContentType = new("application/x-www-form-urlencoded");
        gzip.Headers.ContentEncoding.Add("gzip");
        await Http.PostAsync(new Uri(standIn.Url, "requests.json"), gzip);
        var recorded = standIn.Session.Exchanges;
        Assert.That(recorded.Take(2).Select(e => (e.Exchange.RequestBodyCutAt, e.Exchange.RequestBody!.Length <= 64 * 1024)),
            Is.All.EqualTo(((long?)1024 * 1024, true)));
        Assert.That(recorded[2].Exchange.RequestBody, Is.EqualTo(Gzip(Encoding.UTF8.GetBytes(ClientFixtures.GoodPost))), "kept as sent");
    }

    [Test]
    public async Task Bytes_that_are_not_http_get_400_and_the_next_client_is_served()
    {
        using var standIn = Door().Open(new StandInOverrides { Standard = "open311-georeport-v2" });
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(standIn.Url.Host, standIn.Url.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync("\u0001\u0002 not http at all\r\n\r\n"u8.ToArray());
            var answer = new byte[256];
            var read = await stream.ReadAsync(answer);
            Assert.That(Encoding.ASCII.GetString(answer, 0, read), Does.StartWith("HTTP/1.1 400"));
        }
        Assert.That((await Http.GetAsync(new Uri(standIn.Url, "services.json"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(standIn.Session.Exchanges, Has.Count.EqualTo(1), "what was not HTTP is not a request of the client's");
    }

    [Test]
    public async Task After_its_most_requests_a_session_records_no_more_and_says_why()
    {
        using var standIn = Door().Open(new StandInOverrides { Standard = "open311-georeport-v2", MaxRequests = 3 });
        for (var i = 0; i < 5; i++) await Http.GetAsync(new Uri(standIn.Url, "services.json"));
        Assert.That((await Http.GetAsync(new Uri(standIn.Url, "services.json"))).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(standIn.Session.Exchanges, Has.Count.EqualTo(3));
        Assert.That(await standIn.WaitAsync(), Does.Contain("--max-requests"));
        Assert.That(standIn.Judge().Notes, Has.Some.Contains("the most the stand-in takes in a session"));
    }

    [Test]
    public async Task StandIn_start_async_gives_url_credentials_and_after_the_client_ran_its_results()
    {
        await using var standIn = await StandIn.StartAsync("open311-georeport-v2", "report-a-problem");
        Assert.That(standIn.Credentials["api_key"], Does.StartWith("standin-"));
        await new Conformance.Reference.Defects.Open311Client().RunAsync(new(standIn.Url, standIn.Credentials, standIn.Values));
        Assert.That(standIn.Completed.IsCompleted, Is.True);
        var result = await standIn.ResultAsync();
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        var folder = Path.Combine(Path.GetTempPath(), $"standin-{Guid.NewGuid():N}");
        var written = standIn.WriteReports(result, folder);
        Assert.That(written.Select(w => Path.GetFileName(w.Path)), Is.EquivalentTo(new[] { "report.json", "junit.xml", "report.html", "summary.md", "exchanges.har" }));
        Conformance.Tests.Reports.ReportSchema.AssertValid(File.ReadAllText(Path.Combine(folder, "report.json")), "a stand-in's report.json");
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;
        Assert.That(report["client"]!["role"]!.ToString(), Is.EqualTo("reporting client"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "exchanges.har")), Does.Not.Contain(standIn.Credentials["api_key"]), "the key is masked in the form posted");
        Assert.That(File.ReadAllText(Path.Combine(folder, "report.html")), Does.Contain("Client tested"));
    }

    [Test]
    public async Task A_pass_is_certified_as_a_client_s_naming_its_role_and_scenario()
    {
        using var standIn = Door().Open(new StandInOverrides { Standard = "open311-georeport-v2" });
        await new Conformance.Reference.Defects.Open311Client().RunAsync(new(standIn.Url, standIn.Credentials, standIn.Values));
        var result = standIn.Judge();
        var folder = Path.Combine(Path.GetTempPath(), $"standin-{Guid.NewGuid():N}");
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var certified = standIn.Certify(result, standIn.WriteReports(result, folder), key, 30);
        Assert.That(certified.Refusal, Is.Null);
        var report = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "report.json"))));
        var verified = CertificateVerifier.Verify(File.ReadAllBytes(certified.Path!), key, DateTimeOffset.UtcNow, report);
        Assert.That(verified.Claims, Is.Not.Null, verified.Problem);
        Assert.That((verified.Claims!.ClientRole, verified.Claims.Scenario, verified.Claims.Demo), Is.EqualTo(("reporting client", "report-a-problem", false)));
        Assert.That(verified.Claims.Notes(), Has.Some.StartsWith("A client conformed"));
    }

    /// <summary>
    /// The status of an answer to a request whose body the server stopped reading: 413, or none where the client was still
    /// sending when the server closed the connection (what the client sees then is its network stack's, not the stand-in's).
    /// </summary>
    private static async Task<HttpStatusCode?> StatusOf(Task<HttpResponseMessage> sending)
    {
        try
        {
            return (await sending).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>A body of a given length that no Content-Length announces.</summary>
    private sealed class ChunkedStream(long length) : Stream
    {
        private long _left = length;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            _left -= n;
            Array.Fill(buffer, (byte)'a', offset, n);
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
