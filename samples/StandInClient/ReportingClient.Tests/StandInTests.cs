using Conformance.Reference;
using ReportingClient;

namespace ReportingClient.Tests;

/// <summary>The same stand-in from a test of one's own: start it, point the client at it, read the verdict.</summary>
public class StandInTests
{
    [Test]
    public async Task The_reporter_conforms_as_a_reporting_client()
    {
        await using var standIn = await StandIn.StartAsync("open311-georeport-v2", "report-a-problem");
        using var http = new HttpClient();
        var id = await new Open311Reporter(http, standIn.Url, standIn.Credentials["api_key"]).ReportAsync("pothole", 50.7201, -1.88, "A pothole.");

        var result = await standIn.ResultAsync();
        standIn.WriteReports(result, Path.Combine(TestContext.CurrentContext.WorkDirectory, "stand-in-report"));
        Assert.That(id, Does.StartWith("HB-"));
        Assert.That(result.Verdict, Is.EqualTo("pass"), string.Join("\n", result.Results.Where(r => r.Outcome.ToString() != "Pass").Select(r => $"{r.Check}: {r.Message}")));
    }
}
