using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Specs;
using Json.Schema;

namespace Conformance.Clients.Checks;

/// <summary>
/// A request gives every required parameter of its operation, each value of the type and format its schema declares
/// (read as the type says: "51.5" is a number for a number), a format the standard offers where the format is the
/// path's extension, and one whole group of those the profile says must come together (Open311's location). Empty means
/// absent. Values in a body this operation does not take are the Content-Type check's, and not judged here.
/// </summary>
public sealed class RequestParametersCheck : ClientCheck
{
    public const string CheckId = "request-parameters";
    public override string Id => CheckId;
    public override string Title => "Required parameters present, each a valid value";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        var schemas = new Dictionary<RequestParameter, (JsonSchema?, string?)>();
        return PerOperation(exchanges.Where(e => e.Contract is not null && e.Unreadable is null && e.Exchange.RequestBodyCutAt is null),
            e => Problems(e, context, schemas), count => $"{Requests(count)}, each with every required parameter, each a valid value.");
    }

    private static IEnumerable<Problem> Problems(ClientExchange exchange, ClientContext context, Dictionary<RequestParameter, (JsonSchema?, string?)> schemas)
    {
        var contract = exchange.Contract!;
        var rules = context.Profile.Client;
        var formCarries = RequestReading.FormCarriesQuery(contract, rules);
        foreach (var parameter in contract.Parameters.Where(p => !rules.KeyedArguments.Contains(p.Name)))
        {
            var values = exchange.Arguments.Where(a => Carries(parameter, a, formCarries) && a.Value.Length > 0).Select(a => a.Value).ToList();
            if (values.Count == 0)
            {
                if (parameter.Required) yield return new Problem($"{parameter.Name} is missing (the operation requires it)");
                continue;
            }
            if (context.Profile.Formats is { } formats && parameter.Name == formats.Parameter && parameter.In == "path")
            {
                if (formats.Values.All(v => v.Extension != values[0]))
                    yield return new Problem($"{parameter.Name} must be one of {string.Join(", ", formats.Values.Select(v => v.Extension))}", context.Quoted(values[0]));
                continue;
            }
            if (!schemas.TryGetValue(parameter, out var built))
                built = schemas[parameter] = parameter.Schema is { } lifted ? ResponseSchemas.Standalone(lifted)
                    : parameter.SchemaPointer is { } pointer ? context.Spec.Schemas.At(pointer) : (null, null);
            if (built.Item1 is not { } schema) continue; // no schema, or one the spec cannot give: a diagnostic, not the client's fault
            var value = Typed(values, parameter, SchemaNode(parameter, context));
            var results = schema.Evaluate(value, ResponseSchemas.Evaluation);
            if (!results.IsValid)
                foreach (var expected in SchemaProblems.Expectations(results, context.Spec.Schemas.NodeAt))
                    yield return new Problem($"{parameter.Name} {expected}", context.Quoted(string.Join(",", values)));
        }
        foreach (var rule in rules.AtLeastOneOf.Where(r => r.Operation == contract.Operation.Id))
            if (!rule.Groups.Any(group => group.All(name => exchange.Arguments.Any(a => a.Name == name && a.Value.Length > 0))))
                yield return new Problem($"needs one of: {string.Join("; or ", rule.Groups.Select(g => string.Join(" and ", g)))}");
    }

    /// <summary>Whether an argument is this parameter where it came: its own place, or a form carrying the query.</summary>
    private static bool Carries(RequestParameter parameter, Argument argument, bool formCarries) =>
        argument.Name == parameter.Name && (parameter.In, argument.Place) switch
        {
            ("path", ArgumentPlace.Path) or ("query", ArgumentPlace.Query) or ("header", ArgumentPlace.Header) or ("form", ArgumentPlace.Form) => true,
            ("query", ArgumentPlace.Form) => formCarries,
            _ => false,
        };

    private static JsonNode? SchemaNode(RequestParameter parameter, ClientContext context) =>
        parameter.Schema ?? (parameter.SchemaPointer is { } pointer ? Follow(context.Spec.Root, JsonPointers.Resolve(context.Spec.Root, pointer)) : null);

    private static JsonNode? Follow(JsonNode root, JsonNode? node)
    {
        for (var hops = 0; hops < 8 && node is JsonObject o && o["$ref"]?.ToString() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
            node = JsonPointers.Resolve(root, Uri.UnescapeDataString(reference[1..]));
        return node;
    }

    /// <summary>The value as its schema's type reads it: a number, a boolean, a list (repeated, or one comma list), else text.</summary>
    private static JsonElement Typed(IReadOnlyList<string> values, RequestParameter parameter, JsonNode? schema)
    {
        JsonNode? Read(string text, JsonNode? itemSchema) => TypeOf(itemSchema) switch
        {
            "integer" or "number" when double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out _) && JsonNumber(text) => JsonNode.Parse(text),
            "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
            _ => JsonValue.Create(text),
        };
        JsonNode? node = TypeOf(schema) == "array"
            ? new JsonArray((parameter.Explode && values.Count > 1 ? values : values[0].Split(',')).Select(v => Read(v, schema?["items"])).ToArray())
            : Read(values[0], schema);
        return JsonSerializer.SerializeToElement(node);
    }

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => value.ToString(),
        JsonArray types => types.Select(t => t?.ToString()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    /// <summary>JSON's number grammar: no leading '+', no leading zeros, digits on both sides of a point.</summary>
    private static bool JsonNumber(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$");
}
