using Conformance.Door;
using Conformance.Reference.StandIns;
using Conformance.Reports;
using Conformance.Running;

namespace Conformance.Reference;

/// <summary>
/// A stand-in for a supplier's own tests of its client: the standard's reference implementation served on 127.0.0.1,
/// judging every request the client sends against the standard, as the scenario asks.
/// <code>
/// await using var standIn = await StandIn.StartAsync("open311-georeport-v2", "report-a-problem");
/// await myClient.ReportAsync(standIn.Url, standIn.Credentials["api_key"]);
/// var result = await standIn.ResultAsync();   // result.Verdict: pass, pass-with-warnings, fail, inconclusive
/// </code>
/// </summary>
public sealed class StandIn : IAsyncDisposable
{
    private readonly OpenStandIn _open;

    private StandIn(OpenStandIn open) => _open = open;

    /// <summary>Starts the stand-in of a standard (its id, e.g. open311-georeport-v2) playing a scenario (null: the profile's own).</summary>
    public static Task<StandIn> StartAsync(string standard, string? scenario = null, StandInOverrides? options = null)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var door = new StandInDoor { Catalogue = catalogue, Hosting = new StandIns.StandIns(catalogue) };
        return Task.FromResult(new StandIn(door.Open((options ?? new StandInOverrides { Standard = standard }) with { Standard = standard, Scenario = scenario })));
    }

    /// <summary>Where the client sends its requests: the standard's base URL.</summary>
    public Uri Url => _open.Url;
    /// <summary>What the client authenticates with (Open311: api_key), issued for this stand-in alone.</summary>
    public IReadOnlyDictionary<string, string> Credentials => _open.Credentials;
    /// <summary>Values the client should use that are no secret (Open311: jurisdiction_id).</summary>
    public IReadOnlyDictionary<string, string> Values => _open.Values;
    public string Scenario => _open.Session.Scenario.Id;
    /// <summary>What the scenario asks the client to do, in words.</summary>
    public string Asks => _open.Session.Scenario.Asks;
    /// <summary>Completes when the client has done every step of the scenario.</summary>
    public Task Completed => _open.Session.Completed;
    public OpenStandIn Door => _open;

    /// <summary>
    /// The client's results so far (after it ran): every check and clause, the scenario's steps as coverage, the verdict. A
    /// scenario the client did not complete makes it inconclusive.
    /// </summary>
    public Task<RunResult> ResultAsync() => Task.FromResult(_open.Judge());

    /// <summary>Writes report.json, report.html, summary.md, junit.xml and exchanges.har for a result into a folder.</summary>
    public IReadOnlyList<WrittenReport> WriteReports(RunResult result, string directory) => _open.WriteReports(result, directory);

    public ValueTask DisposeAsync()
    {
        _open.Dispose();
        return ValueTask.CompletedTask;
    }
}
