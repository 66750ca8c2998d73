using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// The parameter values the user gave (a vendor profile's path_parameters, query_parameters, header_parameters and
/// operation_parameters; the names of --header), and how each operation's values are settled from them: what is given
/// for the operation wins, then what is given for all, then what the document itself offers for a parameter that must
/// have one (<see cref="ParameterSuggestions"/>), which the run then knows to be its own guess.
/// </summary>
public sealed record GivenValues
{
    public IReadOnlyDictionary<string, string> Path { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, Dictionary<string, string>> PerOperation { get; init; } = new Dictionary<string, Dictionary<string, string>>();
    /// <summary>Headers the user sends with every request (--header): a header parameter of that name is known.</summary>
    public IReadOnlyCollection<string> SentHeaders { get; init; } = [];

    public static GivenValues From(RunOptions options, IEnumerable<string> sentHeaders) => new()
    {
        Path = options.PathValues, Query = options.QueryValues, Headers = options.HeaderValues, PerOperation = options.OperationValues,
        SentHeaders = sentHeaders.ToList(),
    };

    /// <summary>What is given for one operation, by its id ("GET /trips") or its path as the spec writes it.</summary>
    public IReadOnlyDictionary<string, string>? For(SpecOperation operation) =>
        PerOperation.GetValueOrDefault(operation.Id) ?? PerOperation.GetValueOrDefault($"{operation.Method} {operation.PathTemplate}");

    /// <summary>
    /// The values an operation's requests carry, and the required parameters (other than pagination's, which the run
    /// fills itself) for which no value is known at all.
    /// </summary>
    public (RequestValues Values, List<SpecParameter> Unknown) Settle(SpecOperation operation, Pagination? pagination)
    {
        var mine = For(operation) ?? new Dictionary<string, string>();
        var path = new Dictionary<string, string>(Path);
        var query = Query.Select(q => new KeyValuePair<string, string>(q.Key, mine.GetValueOrDefault(q.Key) ?? q.Value)).ToList();
        var headers = new List<KeyValuePair<string, string>>();
        var guessed = new List<GuessedValue>();
        var unknown = new List<SpecParameter>();
        var paging = new[] { pagination?.PageParameter, pagination?.PerPageParameter };
        foreach (var parameter in operation.Parameters)
        {
            var given = mine.GetValueOrDefault(parameter.Name);
            switch (parameter.In)
            {
                case "path":
                    if (given is not null) path[parameter.Name] = given;
                    else if (!path.ContainsKey(parameter.Name) && parameter.Suggested is { } example)
                    {
                        path[parameter.Name] = example.Value;
                        guessed.Add(new GuessedValue("path", parameter.Name, example.Value, example.Source));
                    }
                    break;
                case "query":
                    if (given is not null || Query.ContainsKey(parameter.Name))
                    {
                        if (!Query.ContainsKey(parameter.Name)) query.Add(new(parameter.Name, given!));
                    }
                    else if (parameter.Required && !paging.Contains(parameter.Name))
                    {
                        if (parameter.Suggested is { } example)
                        {
                            query.Add(new(parameter.Name, example.Value));
                            guessed.Add(new GuessedValue("query", parameter.Name, example.Value, example.Source));
                        }
                        else unknown.Add(parameter);
                    }
                    break;
                case "header":
                    given ??= Headers.GetValueOrDefault(parameter.Name);
                    if (given is not null) headers.Add(new(parameter.Name, given));
                    else if (parameter.Required && !SentHeaders.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        if ((parameter.Suggested ?? ParameterSuggestions.FirstOfEnum(parameter)) is { } example)
                        {
                            headers.Add(new(parameter.Name, example.Value));
                            guessed.Add(new GuessedValue("header", parameter.Name, example.Value, example.Source));
                        }
                        else unknown.Add(parameter);
                    }
                    break;
                default: // a cookie: the harness sends none
                    if (parameter.Required) unknown.Add(parameter);
                    break;
            }
        }
        return (new RequestValues { Path = path, Query = query, Headers = headers, Guessed = guessed }, unknown);
    }

    /// <summary>
    /// Refuses, before any request, values the spec shows to be wrong: an operation it does not have, a name that
    /// operation does not declare, and a value given inline where the spec's security schemes take a credential
    /// (decided by that position, whatever the parameter is called).
    /// </summary>
    public void Validate(Spec spec)
    {
        foreach (var (key, values) in PerOperation)
        {
            var operation = spec.Operations.FirstOrDefault(o => key == o.Id || key == $"{o.Method} {o.PathTemplate}")
                ?? throw new ConfigurationException($"operation_parameters names '{key}', which the document does not have (write it as METHOD /path, as the document's paths are written).");
            foreach (var name in values.Keys)
            {
                var parameter = operation.Parameters.FirstOrDefault(p => p.Name == name)
                    ?? throw new ConfigurationException($"operation_parameters['{key}'] gives '{name}', which {operation.Id} does not declare "
                                                       + $"({(operation.Parameters.Count == 0 ? "it declares no parameters" : "it declares " + string.Join(", ", operation.Parameters.Select(p => $"{p.Name} ({p.In})")))}).");
                if (IsCredential(spec, parameter.In, name)) throw Inline($"operation_parameters['{key}'].{name}", parameter.In);
            }
        }
        foreach (var name in Query.Keys.Where(n => IsCredential(spec, "query", n))) throw Inline($"query_parameters.{name}", "query");
        foreach (var name in Headers.Keys.Where(n => IsCredential(spec, "header", n))) throw Inline($"header_parameters.{name}", "header");
    }

    private static bool IsCredential(Spec spec, string place, string name) =>
        place == "header" ? spec.IsCredentialHeader(name) : spec.CredentialParameters.Contains((place, name));

    private static ConfigurationException Inline(string where, string place) =>
        new($"{where} is where the document's security scheme takes a credential: give it through auth in the vendor profile "
            + $"({(place == "query" ? "api-key with query" : "api-key with header")} and secret_env, the value in an environment variable), never inline.");
}
