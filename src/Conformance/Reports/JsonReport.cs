using System.Text.Json.Nodes;
using System.Text.Json;
using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>report.json: the machine-readable record of a run. Field names are a contract; add, never rename.</summary>
public sealed class JsonReport : IReporter
{
    public string Format => "json";
    public string FileName => "report.json";

    public void Write(RunResult result, TextWriter writer) =>
        writer.Write(Redaction.Mask(Build(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), result.Secrets));

    public static JsonObject Build(RunResult result) => new()
    {
        ["verdict"] = result.Verdict,
        ["standard"] = result.StandardId,
        ["standardName"] = result.StandardName,
        ["target"] = result.Target,
        ["spec"] = new JsonObject { ["location"] = result.SpecLocation, ["openapi"] = result.SpecVersion, ["sha256"] = result.SpecDigest },
        ["startedAt"] = result.StartedAt.ToString("O"),
        ["finishedAt"] = result.FinishedAt.ToString("O"),
        ["requestsSent"] = result.RequestsSent,
        ["waitedSeconds"] = Math.Round(result.Waited.TotalSeconds, 1),
        ["seed"] = result.Seed,
        ["aborted"] = result.Aborted,
        ["notes"] = new JsonArray(result.Notes.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        ["summary"] = new JsonObject
        {
            ["pass"] = result.Count(Outcome.Pass),
            ["warning"] = result.Count(Outcome.Warning),
            ["fail"] = result.Count(Outcome.Fail),
            ["skipped"] = result.Count(Outcome.Skipped),
            ["error"] = result.Count(Outcome.Error),
            ["info"] = result.Count(Outcome.Info),
        },
        ["diagnostics"] = new JsonArray(result.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["kind"] = d.Kind,
            ["location"] = d.Location,
            ["message"] = d.Message,
        }).ToArray()),
        ["manualClauses"] = new JsonArray(result.ManualClauses.Select(c => (JsonNode)new JsonObject
        {
            ["clause"] = c.Id,
            ["level"] = c.Level.ToString().ToUpperInvariant(),
            ["statement"] = c.Statement,
        }).ToArray()),
        ["coverage"] = new JsonArray(result.Coverage.Select(c => (JsonNode)new JsonObject
        {
            ["operation"] = c.Operation,
            ["tier"] = c.Tier.ToString().ToLowerInvariant(),
            ["requests"] = c.Requests,
            ["answered"] = c.Answered,
            ["recordsValidated"] = c.RecordsValidated,
            ["idsLookedUp"] = c.IdsLookedUp,
            ["read"] = c.Read,
            ["gap"] = c.Gap,
        }).ToArray()),
        ["results"] = new JsonArray(result.Results.Select(r => (JsonNode)new JsonObject
        {
            ["check"] = r.Check,
            ["clause"] = r.Clause,
            ["level"] = r.Level.ToString().ToUpperInvariant(),
            ["operation"] = r.Operation,
            ["tier"] = r.Tier.ToString().ToLowerInvariant(),
            ["outcome"] = r.Outcome.ToString().ToLowerInvariant(),
            ["message"] = r.Message,
            ["details"] = new JsonArray(r.Details.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
            ["evidence"] = Evidence(r.Evidence, result.Secrets),
        }).ToArray()),
    };

    private static JsonObject? Evidence(Exchange? e, IReadOnlyCollection<string> secrets) => e is null ? null : new JsonObject
    {
        ["purpose"] = e.Purpose,
        ["method"] = e.Method,
        ["url"] = e.Url,
        ["status"] = e.Status,
        ["contentType"] = e.ContentType,
        ["durationMs"] = Math.Round(e.Duration.TotalMilliseconds, 1),
        ["transportError"] = e.TransportError,
        ["redirects"] = new JsonArray(e.Redirects.Select(r => (JsonNode)new JsonObject { ["status"] = r.Status, ["location"] = r.Location }).ToArray()),
        ["redirectNotFollowed"] = e.RedirectNotFollowed,
        ["responseExcerpt"] = e.Excerpt(secrets),
        ["curl"] = e.Curl(),
    };
}
