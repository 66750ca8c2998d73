using Conformance.NUnit;
using Conformance.Reference;
using ReportingClient;

namespace ReportingClient.Tests;

/// <summary>
/// The reporter against the Open311 stand-in, playing a busy server (429 with Retry-After, then 503s): one test per
/// rule the stand-in judged the reporter's requests by, and a Verdict.
/// </summary>
[TestFixture, StandInScenario("open311-georeport-v2", "report-a-problem-under-load")]
public sealed class ReporterConformance : ClientSuite
{
    protected override async Task DriveAsync(StandIn standIn, CancellationToken cancel)
    {
        using var http = new HttpClient();
        var reporter = new Open311Reporter(http, standIn.Url, standIn.Credentials["api_key"], standIn.Values["jurisdiction_id"]);
        await reporter.ReportAsync("pothole", 50.7201, -1.88, "A pothole by the bus stop.", cancel);
    }
}
