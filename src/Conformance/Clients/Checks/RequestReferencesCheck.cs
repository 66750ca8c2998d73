using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Standards;

namespace Conformance.Clients.Checks;

/// <summary>
/// A value that must name something the server holds does (profile client.references): a service type it lists, the
/// jurisdiction it serves, a request or token it gave. The stand-in's own reference implementation is asked, in-process,
/// so what the client was answered (a manner's 429, say) does not decide it.
/// </summary>
public sealed class RequestReferencesCheck : ClientCheck
{
    public const string CheckId = "request-references";
    public override string Id => CheckId;
    public override string Title => "Ids a request names exist in the stand-in's data";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        var known = new Dictionary<(ClientReference, string), bool>();
        var judged = exchanges.Where(e => e.Contract is not null && e.Unreadable is null && Applicable(e, context).Any()).ToList();
        return PerOperation(judged, e => Problems(e, context, known), count => $"{Requests(count)}, each naming only what the stand-in holds.");
    }

    private static IEnumerable<ClientReference> Applicable(ClientExchange exchange, ClientContext context) =>
        context.Profile.Client.References.Where(r => r.Operations.Count > 0
            ? r.Operations.Contains(exchange.Operation)
            : exchange.Contract!.Parameter(r.Parameter) is not null);

    private static IEnumerable<Problem> Problems(ClientExchange exchange, ClientContext context, Dictionary<(ClientReference, string), bool> known)
    {
        foreach (var reference in Applicable(exchange, context))
            foreach (var value in exchange.Values(reference.Parameter).Where(v => v.Length > 0).Distinct())
            {
                var exists = known.TryGetValue((reference, value), out var found) ? found : known[(reference, value)] = Exists(reference, value, context);
                if (!exists) yield return new Problem($"{reference.Parameter} must name {reference.Names}", context.Quoted(value));
            }
    }

    private static bool Exists(ClientReference reference, string value, ClientContext context)
    {
        if (reference.Lookup is { } lookup && ScenarioLoader.OperationOf(lookup.Replace("{value}", Uri.EscapeDataString(value))) is var (method, path))
            return context.Reference.Ask(method, path).Status is >= 200 and < 300;
        if (reference.List is { } list && ScenarioLoader.OperationOf(list) is var (listMethod, listPath))
            return context.Reference.Ask(listMethod, listPath).Data is JsonArray records
                   && records.OfType<JsonObject>().Any(r => r[reference.Field!] is JsonValue v && v.ToString() == value);
        return true;
    }
}
