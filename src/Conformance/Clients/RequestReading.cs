using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Clients;

/// <summary>
/// Reads a request's arguments as its operation declares them: path values, the query, declared header parameters,
/// and a form body where the operation takes one (formData parameters, or query parameters the profile lets a form
/// carry: Open311's POST). A body labelled with a type the operation does not take is not read at all: what it meant
/// is unknown, and only the check of the Content-Type judges it.
/// </summary>
public static class RequestReading
{
    public const string Form = "application/x-www-form-urlencoded";

    public static (IReadOnlyList<Argument> Arguments, string? Unreadable) Read(ArrivingRequest request, Route? route, RequestContract? contract, ClientRules rules)
    {
        var arguments = new List<Argument>();
        if (route is not null) arguments.AddRange(route.PathValues.Select(p => new Argument(p.Key, p.Value, ArgumentPlace.Path)));
        arguments.AddRange(Arguments.Parse(request.RawQuery).Select(p => new Argument(p.Key, p.Value, ArgumentPlace.Query)));
        if (contract is null) return (arguments, null);
        foreach (var header in contract.Parameters.Where(p => p.In == "header"))
            if (request.Header(header.Name) is { } value) arguments.Add(new Argument(header.Name, value, ArgumentPlace.Header));
        if (request.Body.Length == 0) return (arguments, null);
        var accepted = Accepted(contract, rules).ToList();
        if (accepted.Count == 0) return (arguments, null); // no body is taken here: it is not read, nor judged
        var declared = request.Header("Content-Type");
        if (declared is null || !accepted.Any(a => MediaTypes.Covers(a, declared)))
            return (arguments, $"the body is labelled {(declared is null ? "with no Content-Type" : $"'{declared}'")}, which {contract.Operation.Id} does not take ({string.Join(", ", accepted)})");
        if (MediaTypes.Base(declared) == Form && request.BodyCutAt is null && TakesForm(contract, rules))
            arguments.AddRange(Arguments.ParseForm(request.Body).Select(p => new Argument(p.Key, p.Value, ArgumentPlace.Form)));
        return (arguments, null);
    }

    /// <summary>The media types a body of this operation may have: the document's, and a form where the profile lets one carry the query.</summary>
    public static IEnumerable<string> Accepted(RequestContract contract, ClientRules rules) =>
        contract.Bodies.Select(b => b.MediaType).Concat(FormCarriesQuery(contract, rules) ? [Form] : []).Distinct(StringComparer.OrdinalIgnoreCase);

    public static bool FormCarriesQuery(RequestContract contract, ClientRules rules) => rules.FormCarriesQuery.Contains(contract.Operation.Id);

    private static bool TakesForm(RequestContract contract, ClientRules rules) =>
        FormCarriesQuery(contract, rules) || contract.Parameters.Any(p => p.In == "form");
}
