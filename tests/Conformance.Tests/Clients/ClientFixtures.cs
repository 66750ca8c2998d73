using System.Text;
using Conformance.Clients;
using Conformance.Reference;
using Conformance.Reference.StandIns;
using Conformance.Running;
using Conformance.Standards;
using Conformance.Tests.Open311;

namespace Conformance.Tests.Clients;

/// <summary>
/// A stand-in session of the Open311 reference without HTTP: requests handed to it as they would arrive, judged as a
/// session over the wire is. The api_key it issued is <see cref="Key"/>.
/// </summary>
public static class ClientFixtures
{
    public const string Key = "issued-key";
    public const string Form = "application/x-www-form-urlencoded";

    public static Scenario Scenario(string name = "report-a-problem") => ScenarioLoader.Load(Open311Fixtures.Profile, name);

    public static StandInSession Session(string scenario = "report-a-problem", StandInSettings? settings = null, IStandInReference? reference = null)
    {
        var data = Open311Data.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "open311-georeport-v2", "reference"));
        return new StandInSession(Open311Fixtures.Spec, Open311Fixtures.Profile, Scenario(scenario),
            reference ?? new HandlerReference(new Open311Service(data) { ApiKey = Key, KeepsCreated = true }.Handle),
            (settings ?? new StandInSettings()) with { Credentials = new Dictionary<string, string> { ["api_key"] = Key } });
    }

    /// <summary>A request as it would arrive: "GET /services.json?x=1", with a body and its type where given, and headers.</summary>
    public static StandInAnswer Send(this StandInSession session, string request, string? body = null, string? contentType = Form,
        params (string Name, string Value)[] headers)
    {
        var (method, target) = (request.Split(' ', 2)[0], request.Split(' ', 2)[1]);
        var question = target.IndexOf('?');
        var all = headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList();
        if (body is not null && contentType is not null) all.Add(new("Content-Type", contentType));
        return session.Receive(new ArrivingRequest(method, question < 0 ? target : target[..question], "http://127.0.0.1:9" + target,
            question < 0 ? "" : target[(question + 1)..], all, body is null ? [] : Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>The form of a good service request for a pothole, with the issued key.</summary>
    public const string GoodPost = "api_key=" + Key + "&service_code=pothole&lat=50.72&long=-1.88&attribute%5Bdepth%5D=deep&description=A+hole";

    /// <summary>The conforming exchange of report-a-problem, request by request.</summary>
    public static void PlayWell(this StandInSession session)
    {
        session.Send("GET /services.json");
        session.Send("GET /services/pothole.json");
        session.Send("POST /requests.json", GoodPost);
        session.Send("GET /requests/HB-2001.json");
    }

    public static RunResult Judge(this StandInSession session) => ClientJudging.Judge(session);

    /// <summary>The results of one check, by operation.</summary>
    public static IReadOnlyList<CheckResult> Of(this RunResult result, string check) => result.Results.Where(r => r.Check == check).ToList();
}
