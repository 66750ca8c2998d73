using System.Text.Json.Nodes;
using Conformance.Checks;

namespace Conformance.Clients.Checks;

/// <summary>
/// Open311: a service request gives, as attribute[code] (or attribute[code][] for several values), every attribute its
/// service definition marks required and variable, and for a list attribute (singlevaluelist, multivaluelist) only keys
/// of its values. The definition is the stand-in's own, asked in-process. A service code that names no service type is
/// the references check's, and not judged here; a service without metadata has no attributes to give.
/// </summary>
public sealed class RequestAttributesCheck : ClientCheck
{
    public const string CheckId = "request-attributes";
    private const string Keyed = "attribute";
    public override string Id => CheckId;
    public override string Title => "A service request gives the attributes its definition requires";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        var definitions = new Dictionary<string, JsonArray?>();
        var judged = exchanges.Where(e => e.Contract?.Parameter(Keyed) is not null && e.Contract.Parameter("service_code") is not null
                                          && e.Unreadable is null && e.Exchange.RequestBodyCutAt is null).ToList();
        return PerOperation(judged, e => Problems(e, context, definitions), count => $"{Requests(count)}, each with the attributes its service definition requires.");
    }

    private static IEnumerable<Problem> Problems(ClientExchange exchange, ClientContext context, Dictionary<string, JsonArray?> definitions)
    {
        if (exchange.Values("service_code").FirstOrDefault(v => v.Length > 0) is not { } code) yield break;
        var attributes = definitions.TryGetValue(code, out var known) ? known : definitions[code] = Attributes(code, context);
        if (attributes is null) yield break;
        foreach (var attribute in attributes.OfType<JsonObject>())
        {
            if (attribute["code"]?.ToString() is not { } name || attribute["variable"] is JsonValue variable && variable.TryGetValue<bool>(out var v) && !v) continue;
            var given = exchange.Arguments.Where(a => a.Name == $"{Keyed}[{name}]" || a.Name == $"{Keyed}[{name}][]").Select(a => a.Value).Where(s => s.Length > 0).ToList();
            if (given.Count == 0)
            {
                if (attribute["required"] is JsonValue required && required.TryGetValue<bool>(out var r) && r)
                    yield return new Problem($"{Keyed}[{name}] is missing: the definition of {code} marks it required");
                continue;
            }
            if (attribute["values"] is JsonArray values && attribute["datatype"]?.ToString() is "singlevaluelist" or "multivaluelist")
            {
                var keys = values.OfType<JsonObject>().Select(k => k["key"]?.ToString()).OfType<string>().ToList();
                foreach (var value in given.Where(g => !keys.Contains(g)))
                    yield return new Problem($"{Keyed}[{name}] must be a key of its values ({string.Join(", ", keys)})", context.Quoted(value));
            }
        }
    }

    /// <summary>The attributes of the service's definition; an empty list for a service without one; null for no such service.</summary>
    private static JsonArray? Attributes(string code, ClientContext context)
    {
        var (status, definition) = context.Reference.Ask("GET", $"/services/{Uri.EscapeDataString(code)}.json");
        if (status is >= 200 and < 300) return definition?["attributes"] as JsonArray ?? [];
        var (_, services) = context.Reference.Ask("GET", "/services.json");
        return services is JsonArray list && list.OfType<JsonObject>().Any(s => s["service_code"]?.ToString() == code) ? [] : null;
    }
}
