using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.Tests.Clients;

/// <summary>
/// A client nobody here wrote, judged: FixMyStreet's Open311 integration, as its request shapes are public (the recording
/// beside this file says what each carries and why), replayed over HTTP against the stand-in. FixMyStreet sends more
/// than the standard names (email, first_name, attribute[fixmystreet_id], an empty phone), its keys in the form, and reads
/// the request back by the list's service_request_id: none of that is blamed, and the report conforms.
/// </summary>
public class FixMyStreetReplayTests
{
    private static readonly string Recording = Path.Combine(TestContext.CurrentContext.TestDirectory, "Clients", "Recordings", "fixmystreet-report.http");

    [Test]
    public async Task A_report_as_FixMyStreet_sends_it_conforms()
    {
        await using var standIn = await StandIn.StartAsync("open311-georeport-v2", "report-a-problem");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var values = new Dictionary<string, string> { ["api_key"] = standIn.Credentials["api_key"] };
        foreach (var recorded in Requests(File.ReadAllText(Recording)))
        {
            using var response = await http.SendAsync(recorded.Build(standIn.Url, values));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{recorded.Line}: {await response.Content.ReadAsStringAsync()}");
            // As FixMyStreet reads an answer: XML::Simple, request[0]->service_request_id.
            if (recorded.Line.StartsWith("POST"))
                values["service_request_id"] = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants("service_request_id").First().Value;
        }
        var result = await standIn.ResultAsync();
        Assert.That(result.Results.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Check} {r.Operation}: {r.Message}"), Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        Assert.That(result.RequestsSent, Is.EqualTo(4));
        Assert.That(result.Secrets, Does.Contain(standIn.Credentials["api_key"]), "the key FixMyStreet posts in its form is masked in the reports");
    }

    [Test]
    public async Task The_same_report_with_a_key_the_stand_in_never_gave_is_refused_and_blamed_on_that_alone()
    {
        await using var standIn = await StandIn.StartAsync("open311-georeport-v2", "report-a-problem");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var values = new Dictionary<string, string> { ["api_key"] = "the-councils-production-key" };
        foreach (var recorded in Requests(File.ReadAllText(Recording)).Take(3))
            await http.SendAsync(recorded.Build(standIn.Url, values));
        var result = await standIn.ResultAsync();
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => (r.Check, r.Message)),
            Is.EqualTo(new[] { ("request-auth", "api_key is not the key the stand-in gave; found another key (masked) (send the key the stand-in printed (and wrote to --ready-file))") }));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(result.Secrets, Does.Contain("the-councils-production-key"), "a key sent by mistake is masked in every report");
    }

    private sealed record Recorded(string Line, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
    {
        public HttpRequestMessage Build(Uri standIn, IReadOnlyDictionary<string, string> values)
        {
            string Fill(string text) => values.Aggregate(text, (t, v) => t.Replace($"{{{v.Key}}}", Uri.EscapeDataString(v.Value)));
            var (method, target) = (Line.Split(' ')[0], Line.Split(' ')[1]);
            var request = new HttpRequestMessage(new HttpMethod(method), new Uri(standIn, Fill(target).TrimStart('/')));
            foreach (var (name, value) in Headers.Where(h => h.Name != "Content-Type")) request.Headers.TryAddWithoutValidation(name, value);
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(Body)));
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Headers.Single(h => h.Name == "Content-Type").Value);
            }
            return request;
        }
    }

    private static IEnumerable<Recorded> Requests(string file)
    {
        foreach (var block in file.Replace("\r\n", "\n").Split("\n###\n"))
        {
            var lines = block.Split('\n').Where(l => !l.StartsWith('#')).SkipWhile(l => l.Length == 0).ToList();
            var blank = lines.IndexOf("");
            var head = blank < 0 ? lines : lines[..blank];
            var body = blank < 0 ? null : string.Join("\n", lines[(blank + 1)..]).Trim();
            yield return new Recorded(head[0], head.Skip(1).Select(h => (h[..h.IndexOf(':')], h[(h.IndexOf(':') + 1)..].Trim())).ToList(),
                string.IsNullOrEmpty(body) ? null : body);
        }
    }
}
