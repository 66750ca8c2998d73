using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// Masking through the real program can neither fail open nor end the run: a body that is binary after the one
/// layer of compression the client decodes is masked byte for byte, quickly, in every report.
/// </summary>
public class MaskingTests
{
    private const string Token = "SEKRIT-abc-123-xyz";

    /// <summary>
    /// Sent with Content-Encoding "gzip, gzip": the client takes off one layer, so what the harness keeps is gzip,
    /// binary, a megabyte and more. The backtracking pattern that masked it hit the 2 s regex timeout inside the HAR
    /// writer and the RegexMatchTimeoutException ended the process (exit 134, reports lost).
    /// </summary>
    private static Fault TwiceGzipped()
    {
        var random = new Random(18);
        var text = new StringBuilder("{\"contents\": [");
        while (text.Length < 3_000_000) text.Append($"\"{Token}-{random.NextInt64():x16}{random.NextInt64():x16}\",");
        text.Append("\"end\"]}");
        // The inner layer is stored, not compressed: the token stays readable in the binary the harness keeps.
        var body = Gzip(Gzip(Encoding.UTF8.GetBytes(text.ToString()), CompressionLevel.NoCompression), CompressionLevel.Fastest);
        return Faults.AfterTheRoot(async (_, _, wire, stop) =>
        {
            await wire.WriteAsync(Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip, gzip\r\n"
                + $"Content-Length: {body.Length}\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n"), stop);
            await wire.WriteAsync(body, stop);
        });
    }

    private static byte[] Gzip(byte[] bytes, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level)) gzip.Write(bytes);
        return output.ToArray();
    }

    [Test]
    public async Task A_body_compressed_twice_is_masked_in_every_report_and_the_run_ends_with_its_verdict()
    {
        using var server = FaultServer.Start(TwiceGzipped());
        var outDir = Cli.TempDir();
        var result = await Cli.RunAsync(TimeSpan.FromMinutes(3), "run", "--standard", "oruk-3.0", "--url", server.Url, "--out", outDir,
            "--header", $"Authorization: Bearer {Token}", "--rate", "1000");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.All);
        Assert.That(result.All, Does.Not.Contain("   at ").And.Not.Contain("RegexMatchTimeout"));
        var har = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "exchanges.har")))!;
        var bodies = har["log"]!["entries"]!.AsArray().Select(e => e!["response"]!["content"]!).Where(c => c["encoding"] is not null).ToList();
        Assert.That(bodies, Is.Not.Empty, "the binary bodies were written, as base64");
        foreach (var body in bodies)
            Assert.That(Encoding.Latin1.GetString(Convert.FromBase64String(body["text"]!.GetValue<string>())), Does.Not.Contain(Token).And.Contain("***"));
        foreach (var file in Directory.GetFiles(outDir))
            Assert.That(File.ReadAllText(file), Does.Not.Contain(Token), Path.GetFileName(file));
    }
}
