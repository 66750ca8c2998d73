using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Clients;

/// <summary>
/// How far the client has carried its scenario: each step done by the first request that did it (answered with success
/// by the reference, after the steps it comes after, naming what an earlier step created where it must), and the values
/// each step's answers created (a service_request_id, a token) for a later step to name.
/// </summary>
public sealed class ScenarioProgress(Scenario scenario)
{
    private readonly Dictionary<string, int> _done = [];
    private readonly Dictionary<string, HashSet<string>> _created = [];

    public Scenario Scenario => scenario;
    /// <summary>Each step done, by the number of the request that did it.</summary>
    public IReadOnlyDictionary<string, int> Done => _done;
    public bool Complete => scenario.Steps.All(s => _done.ContainsKey(s.Id));
    /// <summary>What a step's answers created, by step.</summary>
    public IReadOnlySet<string> CreatedBy(string step) => _created.TryGetValue(step, out var values) ? values : [];

    /// <summary>The steps this request did (none where a manner answered it or the reference refused it).</summary>
    public IReadOnlyList<string> Observe(ClientExchange exchange, JsonNode? answer)
    {
        if (!exchange.Succeeded || exchange.Route is null) return [];
        var did = new List<string>();
        foreach (var step in scenario.Steps.Where(s => s.Requests.Contains(exchange.Operation)))
        {
            if (step.Creates.Count > 0)
                foreach (var value in Created(answer, step.Creates))
                    (_created.TryGetValue(step.Id, out var set) ? set : _created[step.Id] = []).Add(value);
            if (_done.ContainsKey(step.Id) || !step.After.All(_done.ContainsKey)) continue;
            if (step.Names is { } named && !Names(exchange, CreatedBy(named))) continue;
            _done[step.Id] = exchange.Number;
            did.Add(step.Id);
        }
        return did;
    }

    /// <summary>Whether any argument (a comma list read as its items) is a value that was created.</summary>
    private static bool Names(ClientExchange exchange, IReadOnlySet<string> created) =>
        created.Count > 0 && exchange.Arguments.Any(a => created.Contains(a.Value) || a.Value.Split(',').Any(v => created.Contains(v.Trim())));

    /// <summary>The text values of these fields, on the answer itself or on the records of a list it is.</summary>
    private static IEnumerable<string> Created(JsonNode? answer, IReadOnlyList<string> fields)
    {
        IEnumerable<JsonObject> records = answer switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject one => [one],
            _ => [],
        };
        foreach (var record in records)
            foreach (var field in fields)
                if (record[field] is JsonValue value && value.ToString() is { Length: > 0 } text) yield return text;
    }
}
