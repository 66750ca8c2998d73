using System.Text;
using System.Text.Json.Nodes;
using Conformance.Clients;

namespace Conformance.Reference.StandIns;

/// <summary>
/// A reference implementation's <see cref="Handler"/> playing a stand-in: a request's query, and a form where one came,
/// reach it as its parameters (as the reference server gives them), and its answer goes back as the wire would carry it
/// with the data it was written from. Asked in-process, it answers the stand-in's own questions the same way.
/// </summary>
public sealed class HandlerReference(Handler handle, Action<Uri>? servedAt = null) : IStandInReference
{
    public void ServedAt(Uri url) => servedAt?.Invoke(url);

    public StandInAnswer Answer(ArrivingRequest request)
    {
        var parameters = Parameters(request.RawQuery);
        if (request.Method == "POST" && request.Body.Length > 0
            && request.Header("Content-Type")?.StartsWith(RequestReading.Form, StringComparison.OrdinalIgnoreCase) == true)
            foreach (var (name, value) in Arguments.ParseForm(request.Body)) parameters.TryAdd(name, value);
        var answer = handle(request.Method.ToUpperInvariant(), request.Path, parameters);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", answer.ContentType ?? "application/json; charset=utf-8"),
            new("Access-Control-Allow-Origin", "*"),
        };
        foreach (var (name, value) in answer.Headers)
        {
            headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (value is not null) headers.Add(new(name, value));
        }
        var text = request.Method == "HEAD" ? null : answer.Render();
        return new StandInAnswer(answer.Status, headers, text is null ? [] : Encoding.UTF8.GetBytes(text), answer.Body);
    }

    public (int Status, JsonNode? Data) Ask(string method, string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?');
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var answer = handle(method, path, Parameters(question < 0 ? "" : pathAndQuery[(question + 1)..]));
        return (answer.Status, answer.Body);
    }

    /// <summary>The query's arguments as a reference reads them: the first value of each name.</summary>
    private static Dictionary<string, string> Parameters(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Arguments.Parse(query)) parameters.TryAdd(name, value);
        return parameters;
    }
}
