using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests.Checks.Parking;

/// <summary>
/// The NPP 1.0 profile and transcription, loaded once, and builders for the parking checks' tests: pages with
/// PaginatedListMeta, exchanges, runs, and a check's own requests planned and answered as a server would.
/// </summary>
public static class Npp
{
    private static readonly Lazy<(Profile, Spec)> Loaded = new(() =>
        ConformanceRun.Prepare("npp-1.0", null, new FetchPolicy(), ConformanceRun.DefaultCatalogue()));

    public static Profile Profile => Loaded.Value.Item1;
    public static Spec Spec => Loaded.Value.Item2;
    public static CheckContext Context => new(Spec, Profile);

    public const string Base = "http://vendor.test";

    /// <summary>A page of a list as the NPP gives it: meta (offset from the page, 10 a page), then the records.</summary>
    public static JsonObject Page(long page, long total, params JsonObject[] records) => new()
    {
        ["meta"] = new JsonObject { ["referenceInstant"] = 1767225600, ["offset"] = (page - 1) * 10, ["pageSize"] = 10, ["total"] = total },
        ["data"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()),
    };

    public static Exchange Answer(Uri url, JsonNode? body, int status = 200, bool anonymous = false) => new()
    {
        Operation = "GET", Purpose = "test", Method = "GET", Url = url.AbsoluteUri, Asked = url,
        RequestHeaders = [], Status = status, Body = body is null ? [] : System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()),
        ContentType = "application/json", Anonymous = anonymous,
    };

    /// <summary>An ordinary read of a list's first page, or of one record.</summary>
    public static SentRequest Read(string path, JsonNode body, string? id = null) =>
        new(Answer(new Uri(Base + path.Replace("{id}", id ?? "")), body)) { Page = id is null ? 1 : null, RecordId = id };

    public static OperationRun Run(string path, OperationRole role, params SentRequest[] requests) =>
        new(Spec.Find("GET", path) ?? throw new ArgumentException(path), Profile.TierOf(path), role, requests);

    /// <summary>What a run has read (each record as read from a body), for a check planning its requests.</summary>
    public static ProbeContext Probing(Dictionary<string, List<JsonObject>> known, bool writes = false) => new()
    {
        Target = new Uri(Base), Spec = Spec, Profile = Profile, WritesAllowed = writes,
        Known = known.ToDictionary(k => k.Key, k => k.Value.Select(r => (JsonObject)JsonNode.Parse(r.ToJsonString())!).ToList()),
    };

    /// <summary>
    /// The run with the check's own requests planned and answered by <paramref name="server"/> (each request followed
    /// as the runner follows it), ready to be judged.
    /// </summary>
    public static OperationRun Answered(Check check, OperationRun run, ProbeContext context, Func<ProbeRequest, Exchange> server)
    {
        var sent = new List<SentRequest>();
        foreach (var first in check.Probes(run, context).ToList())
            for (var request = first; request is not null;)
            {
                var answer = server(request);
                sent.Add(new SentRequest(answer) { Owner = check, Tag = request.Tag, Page = request.Page, RecordId = request.RecordId, Kind = request.Kind });
                request = request.Then?.Invoke(answer);
            }
        return run with { Requests = [.. run.Requests, .. sent] };
    }

    public static Finding Judged(Check check, OperationRun run)
    {
        var findings = check.Evaluate(run, Context).ToList();
        Assert.That(findings, Has.Count.EqualTo(1), "expected exactly one finding");
        return findings[0];
    }

    /// <summary>The query of a request, as name → value.</summary>
    public static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.ElementAtOrDefault(1) ?? ""));
}
