using Conformance.Checks;

namespace Conformance.Clients.Checks;

/// <summary>
/// An operation the document secures is asked with the credentials the stand-in issued, where the security scheme puts
/// them: an apiKey by its name in the query (or in a form that carries the query), a header or a cookie, equal to the
/// key given. A request satisfies one of the operation's requirements whole. Bearer and OAuth2 tokens are judged where a
/// standard's stand-in issues them; until then a requirement of that kind is not judged, and says so.
/// </summary>
public sealed class RequestAuthCheck : ClientCheck
{
    public const string CheckId = "request-auth";
    public override string Id => CheckId;
    public override string Title => "Secured operations carry the credentials the stand-in issued";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        var secured = exchanges.Where(e => e.Contract is { Security.Count: > 0 } && e.Unreadable is null).ToList();
        var unjudged = secured.Where(e => e.Contract!.Security.All(r => r.Any(n => n.ApiKey is null))).ToList();
        foreach (var operation in unjudged.GroupBy(e => e.Operation))
            yield return Skipped(operation.Key, $"the operation asks for credentials of a kind the stand-in does not judge yet ({string.Join(", ", operation.First().Contract!.Security.SelectMany(r => r).Select(n => n.Type ?? n.Name).Distinct())})", operation.First().Exchange);
        foreach (var finding in PerOperation(secured.Except(unjudged), e => Problems(e, context), count => $"{Requests(count)}, each with the credentials the stand-in issued."))
            yield return finding;
    }

    private static IEnumerable<Problem> Problems(ClientExchange exchange, ClientContext context)
    {
        var contract = exchange.Contract!;
        var formCarries = RequestReading.FormCarriesQuery(contract, context.Profile.Client);
        var tried = new List<Problem>();
        foreach (var requirement in contract.Security.Where(r => r.All(n => n.ApiKey is not null)))
        {
            var problems = requirement.Select(need => Problem(exchange, need.ApiKey!.Value, formCarries, context)).OfType<Problem>().ToList();
            if (problems.Count == 0) return [];
            tried.AddRange(problems);
        }
        return tried.Count == 0 ? [] : [tried[0]];
    }

    private static Problem? Problem(ClientExchange exchange, (string In, string Name) key, bool formCarries, ClientContext context)
    {
        var sent = key.In switch
        {
            "query" => exchange.Arguments.FirstOrDefault(a => a.Name == key.Name && (a.Place == ArgumentPlace.Query || formCarries && a.Place == ArgumentPlace.Form))?.Value,
            "header" => exchange.Header(key.Name),
            "cookie" => Cookie(exchange.Header("Cookie"), key.Name),
            _ => null,
        };
        var where = key.In == "query" && formCarries ? "in the query or the form" : $"in the {key.In}";
        if (string.IsNullOrEmpty(sent))
            return new Problem($"{key.Name} is missing: the operation needs the key the stand-in gave, {where}");
        if (context.Settings.Credentials.TryGetValue(key.Name, out var issued) && sent != issued)
            return new Problem($"{key.Name} is not the key the stand-in gave", "another key (masked)", Fix: "send the key the stand-in printed (and wrote to --ready-file)");
        return null;
    }

    private static string? Cookie(string? header, string name) =>
        header?.Split(';').Select(c => c.Trim().Split('=', 2)).FirstOrDefault(c => c.Length == 2 && c[0] == name)?[1];
}
