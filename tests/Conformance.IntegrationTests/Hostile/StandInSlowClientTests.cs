using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Conformance.Door;
using Conformance.Reference.StandIns;
using Conformance.Running;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>A client that sends half its headers and stalls holds neither the stand-in nor the clients after it.</summary>
public class StandInSlowClientTests
{
    [Test]
    public async Task A_stalled_client_is_cut_off_while_another_is_served()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        using var standIn = new StandInDoor { Catalogue = catalogue, Hosting = new StandIns(catalogue) }.Open(new StandInOverrides { Standard = "open311-georeport-v2" });
        using var stalled = new TcpClient();
        await stalled.ConnectAsync(standIn.Url.Host, standIn.Url.Port);
        var stream = stalled.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /services.json HTTP/1.1\r\nHost: x\r\n"));
        var clock = Stopwatch.StartNew();

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Assert.That((int)(await http.GetAsync(new Uri(standIn.Url, "services.json"))).StatusCode, Is.EqualTo(200), "served while the other stalls");

        var buffer = new byte[512];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var read = await stream.ReadAsync(buffer, bound.Token);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        Assert.That(read == 0 || Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 408"), Is.True, "answered 408 or closed");
        Assert.That(standIn.Session.Exchanges, Has.Count.EqualTo(1), "the stalled request was never a request of the client's");
    }
}
