using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Tests;

/// <summary>The ORUK 3.0 profile and transcription, loaded once, and builders for exchanges.</summary>
public static class Fixtures
{
    private static readonly Lazy<(Profile, Spec)> Oruk = new(() =>
        ConformanceRun.Prepare("oruk-3.0", null, new FetchPolicy(), ConformanceRun.DefaultCatalogue()));

    public static Profile Profile => Oruk.Value.Item1;
    public static Spec Spec => Oruk.Value.Item2;
    public static CheckContext Context => new(Spec, Profile);

    public static SpecOperation Operation(string path) => Spec.Find("GET", path) ?? throw new ArgumentException(path);

    public static Exchange JsonExchange(string path, JsonNode body, int status = 200, string contentType = "application/json",
        string? cors = "*", int? page = null, string? id = null, bool anonymous = true) =>
        Raw(path, Encoding.UTF8.GetBytes(body.ToJsonString()), status, contentType, cors, page, id, anonymous);

    public static Exchange Raw(string path, byte[] body, int status = 200, string? contentType = "application/json",
        string? cors = "*", int? page = null, string? id = null, bool anonymous = true)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (cors is not null) headers.Add(new("Access-Control-Allow-Origin", cors));
        var exchange = new Exchange
        {
            Operation = $"GET {path}",
            Purpose = page is not null ? $"page {page}" : id is not null ? $"id {id}" : "fetch",
            Method = "GET",
            Url = $"http://vendor.test{path}" + (page is not null ? $"?page={page}" : ""),
            RequestHeaders = [new("Accept", "application/json")],
            Status = status,
            ResponseHeaders = headers,
            Body = body,
            ContentType = contentType,
            Anonymous = anonymous,
        };
        return exchange.Asking(page, id);
    }

    /// <summary>Remembers what an exchange made for a test asked for (<see cref="Sent"/> gives it back as the runner records it).</summary>
    public static Exchange Asking(this Exchange exchange, long? page = null, string? id = null)
    {
        Asked.AddOrUpdate(exchange, exchange.AskingFor(page, id));
        return exchange;
    }

    // What each exchange made here asked for, as the runner records it beside the exchange (a `with` copy is a new exchange).
    private static readonly ConditionalWeakTable<Exchange, SentRequest> Asked = new();

    /// <summary>An exchange made here as an ordinary read, with the page or record it was made asking for.</summary>
    public static SentRequest Sent(Exchange exchange) => Asked.TryGetValue(exchange, out var asked) ? asked : new SentRequest(exchange);

    /// <summary>An ordinary read asking for a page or a record.</summary>
    public static SentRequest AskingFor(this Exchange exchange, long? page = null, string? id = null) => new(exchange) { Page = page, RecordId = id };

    /// <summary>A request sent for one check, with what it tagged the request with.</summary>
    public static SentRequest For(this Exchange exchange, RequestOwner owner, object? tag = null) => Sent(exchange) with { Owner = owner, Tag = tag };

    public static Exchange Unanswered(string path) => new()
    {
        Operation = $"GET {path}", Purpose = "fetch", Method = "GET", Url = $"http://vendor.test{path}",
        RequestHeaders = [], TransportError = "Connection refused",
    };

    public static OperationRun Run(string path, OperationRole role, params Exchange[] exchanges) =>
        Run(path, role, exchanges.Select(Sent).ToArray());

    public static OperationRun Run(string path, OperationRole role, params SentRequest[] requests) =>
        new(Operation(path), Profile.TierOf(path), role, requests);

    /// <summary>A valid ORUK page envelope around the given records.</summary>
    public static JsonObject Page(int page, int totalPages, int totalItems, params JsonObject[] records) =>
        Conformance.Reference.Page.Envelope(records.Select(r => (JsonNode)r).ToArray(), page, totalPages, totalItems);

    public static JsonObject Service(string id, string name = "Lunch club") => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["status"] = "active",
    };

    public static Finding Single(Check check, OperationRun run)
    {
        var findings = check.Evaluate(run, Context).ToList();
        global::NUnit.Framework.Assert.That(findings, global::NUnit.Framework.Has.Count.EqualTo(1), "expected exactly one finding");
        return findings[0];
    }

    /// <summary>The reference implementation's service ids in the order it lists them.</summary>
    public static List<string> ReferenceServiceIds() =>
        Conformance.Reference.ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference"))
            .Services.Select(s => s["id"]!.GetValue<string>()).ToList();

    public const string Id1 = "0d2a8a6e-54a6-4c09-8e0f-3a8f5e2d1c01";
    public const string Id2 = "0d2a8a6e-54a6-4c09-8e0f-3a8f5e2d1c02";
    public const string Id3 = "0d2a8a6e-54a6-4c09-8e0f-3a8f5e2d1c03";

    /// <summary>The checkout this test runs from (the folder with Conformance.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Conformance.sln not found above the test folder.");
    }

    /// <summary>Runs an action on a value and returns the value, for one-expression setups.</summary>
    public static T Apply<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
