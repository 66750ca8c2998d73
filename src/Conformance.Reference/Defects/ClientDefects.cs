using Conformance.Clients.Checks;
using Conformance.Running;

namespace Conformance.Reference.Defects;

/// <summary>
/// Clients of each standard judged by its stand-in: the conforming client, once per scenario, and one client per defect,
/// each <see cref="Open311Client"/> bent one way. The defects a client of Open311 can have: those of the list
/// that apply (Open311 has an api_key, no tokens, scopes, versions or pages) and one for each other client check.
/// </summary>
public static class ClientDefects
{
    private const string Open311 = "open311-georeport-v2";
    private const string Plain = "report-a-problem";
    private const string UnderLoad = "report-a-problem-under-load";

    public static IReadOnlyList<ClientDefect> All { get; } =
    [
        Good("open311-client", Plain, "Reads the service types and a definition, posts a service request as a form with a location and its required attributes, and reads it back."),
        Good("open311-client-under-load", UnderLoad, "The same, against a busy stand-in: waits as Retry-After says, and asks again after a 503 a few times, backing off."),
        Defect("open311-client-no-api-key", Plain, RequestAuthCheck.CheckId, "Posts the service request without the api_key the stand-in gave.",
            new Open311Client { SendsApiKey = false }),
        Defect("open311-client-missing-attribute", Plain, RequestAttributesCheck.CheckId, "Posts without attribute[depth], which the pothole definition marks required.",
            new Open311Client { GivesRequiredAttributes = false }),
        Defect("open311-client-json-body", Plain, RequestContentTypeCheck.CheckId, "Posts the service request as JSON (application/json), not as a form.",
            new Open311Client { PostsJson = true }),
        Defect("open311-client-unknown-service", Plain, RequestReferencesCheck.CheckId, "Posts for service_code pot-hole, which names no service type the stand-in lists.",
            new Open311Client { PostsServiceCode = "pot-hole" }),
        Defect("open311-client-singular-path", Plain, RequestOperationCheck.CheckId, "Reads the request back at /request/{id} (the published Swagger's typo), not /requests/{id}.",
            new Open311Client { ReadsBackSingular = true }),
        Defect("open311-client-decimal-comma", Plain, RequestParametersCheck.CheckId, "Writes lat and long with a decimal comma (50,7201), as a German locale formats numbers.",
            new Open311Client { CommaDecimals = true }),
        Defect("open311-client-ignores-retry-after", UnderLoad, HonoursRetryAfterCheck.CheckId, "Asks again at once after a 429, though Retry-After said 2 seconds.",
            new Open311Client { WaitsRetryAfter = false }, Outcome.Warning, Verdict.PassWithWarnings),
        Defect("open311-client-retry-storm", UnderLoad, BoundedRetriesCheck.CheckId, "Asks again every 10 ms while the stand-in answers 503, until it succeeds.",
            new Open311Client { StormsOn503 = true }, Outcome.Warning, Verdict.PassWithWarnings),
        Defect("open311-client-never-completes", Plain, ScenarioCompleteCheck.CheckId, "Reads the service types and a definition, then stops: it never posts.",
            new Open311Client { StopsBeforePosting = true }, Outcome.Skipped, Verdict.Inconclusive),
    ];

    public static IEnumerable<ClientDefect> For(string standard) => All.Where(d => d.Standard == standard);

    private static ClientDefect Good(string name, string scenario, string does) => new()
    {
        Name = name, Standard = Open311, Scenario = scenario, Breaks = does, Verdict = Verdict.Pass, Client = new Open311Client().RunAsync,
    };

    private static ClientDefect Defect(string name, string scenario, string check, string breaks, Open311Client client,
        Outcome expected = Outcome.Fail, string verdict = Verdict.Fail) => new()
    {
        Name = name, Standard = Open311, Scenario = scenario, Check = check, Breaks = breaks, Expected = expected, Verdict = verdict, Client = client.RunAsync,
    };
}
