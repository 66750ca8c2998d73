using System.Net.Sockets;
using System.Net;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.IntegrationTests.Hostile;

/// <summary>
/// An open standard's API that sends requests without a key to a login page on another origin is not open: the
/// run fails on open access (the harness does not follow the redirect, and blames nothing else on that page).
/// </summary>
public class LoginRedirectTests
{
    [Test]
    public async Task Requests_without_the_key_sent_to_a_login_page_elsewhere_fail_open_access()
    {
        using var reference = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "oruk-3.0");
        var port = FreePort();
        using var gateway = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        gateway.Given(Request.Create().UsingGet().WithHeader("X-Key", "abcdef")).AtPriority(1).RespondWith(Response.Create().WithProxy(reference.Url));
        gateway.Given(Request.Create().UsingGet()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"http://localhost:{FreePort()}/login"));
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "oruk-3.0", Target = new Uri($"http://127.0.0.1:{port}"),
            Probe = new ProbeSettings { Headers = [new("X-Key", "abcdef")] },
        }, ConformanceRun.DefaultCatalogue());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        var open = result.Results.Where(r => r.Check == "anonymous-access").ToList();
        var failed = open.Where(r => r.Outcome == Outcome.Fail).ToList();
        Assert.That(failed, Has.Count.EqualTo(3), "each of the three required endpoints");
        Assert.That(failed.Select(r => r.Message), Has.All.Contains("was not served"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
