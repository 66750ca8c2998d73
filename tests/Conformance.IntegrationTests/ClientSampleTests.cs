namespace Conformance.IntegrationTests;

/// <summary>
/// samples/StandInClient as a supplier's CI job runs it (dotnet test, a TRX log): the reporter's suite against the busy
/// stand-in has a passing test for every rule the stand-in judged and a passing Verdict, and the test that starts the
/// stand-in itself passes too.
/// </summary>
public class ClientSampleTests
{
    private static readonly string Sample = Path.Combine(Checkout.Root, "samples", "StandInClient");

    [Test]
    public async Task The_sample_client_conforms_under_dotnet_test()
    {
        var results = Cli.TempDir();
        var run = await Dotnet.RunAsync(Sample, TimeSpan.FromMinutes(5), "test", "StandInClient.sln", "-c", Checkout.Configuration,
            "--logger", "trx;LogFileName=client.trx", "--results-directory", results);
        Assert.That(run.ExitCode, Is.Zero, run.All);
        var tests = Trx.Read(Path.Combine(results, "client.trx"));
        Assert.That(tests.Select(t => t.Outcome), Is.All.EqualTo("Passed"));
        Assert.That(tests.Select(t => t.Name), Does.Contain("Verdict").And.Contain("The_reporter_conforms_as_a_reporting_client")
            .And.Contain("Open311/client-retry-after · GET /services.{response_format} · honours-retry-after")
            .And.Contain("Open311/client-api-key · POST /requests.{response_format} · request-auth"));
        Assert.That(tests.Single(t => t.Name == "Verdict").Text, Does.StartWith("Verdict: pass, Open311 GeoReport v2 at a client of the stand-in"));
    }
}
