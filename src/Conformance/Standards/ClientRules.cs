namespace Conformance.Standards;

/// <summary>
/// What a standard's text asks of a client beyond its OpenAPI document's parameters (profile.yaml `client:`): where a
/// client may put arguments, which arguments go together, and which values must name something the server holds. The
/// stand-in judges each request by them.
/// </summary>
public sealed class ClientRules
{
    /// <summary>The scenario a stand-in plays when none is named (scenarios/ID.yaml beside the profile).</summary>
    public string? Scenario { get; init; }
    /// <summary>
    /// Operations ("POST /requests.{response_format}") whose query parameters a client may send as an
    /// application/x-www-form-urlencoded body instead: Open311 declares them in the query and consumes a form.
    /// </summary>
    public IReadOnlyList<string> FormCarriesQuery { get; init; } = [];
    /// <summary>Parameters sent as one argument per key, NAME[key]=value (Open311's attribute[code]), judged by their own rule.</summary>
    public IReadOnlyList<string> KeyedArguments { get; init; } = [];
    /// <summary>Groups of arguments of which a request must give at least one whole group (Open311's location).</summary>
    public IReadOnlyList<ArgumentGroups> AtLeastOneOf { get; init; } = [];
    /// <summary>Arguments whose values must name what the server holds (a service type, a jurisdiction, a request).</summary>
    public IReadOnlyList<ClientReference> References { get; init; } = [];
}

public sealed class ArgumentGroups
{
    public required string Operation { get; init; }
    public required IReadOnlyList<IReadOnlyList<string>> Groups { get; init; }
}

/// <summary>
/// A value that must name something the server holds, asked of the stand-in's own reference implementation: a record
/// of <see cref="List"/> whose <see cref="Field"/> is the value, or a <see cref="Lookup"/> (METHOD /path, {value} standing
/// for the value) it answers with success.
/// </summary>
public sealed class ClientReference
{
    public required string Parameter { get; init; }
    /// <summary>The operations whose requests carry it; none named: every operation that declares the parameter.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];
    /// <summary>What the value must name, in words ("a service type the server offers").</summary>
    public required string Names { get; init; }
    public string? List { get; init; }
    public string? Field { get; init; }
    public string? Lookup { get; init; }
}
