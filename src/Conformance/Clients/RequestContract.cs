using System.Text.Json.Nodes;
using Conformance.Specs;

namespace Conformance.Clients;

/// <summary>
/// What an operation of the spec asks of a request, read from the document itself (either OpenAPI version): its
/// parameters each with a JSON Schema, the media types a body may have and their schemas, and the security it
/// requires. Swagger 2.0's parameters carry their type keywords inline; they are lifted into a schema of their own.
/// </summary>
public sealed class RequestContract
{
    public required SpecOperation Operation { get; init; }
    public required IReadOnlyList<RequestParameter> Parameters { get; init; }
    /// <summary>The media types a body may be sent as, each with the JSON Pointer of its schema in the spec (or none).</summary>
    public required IReadOnlyList<(string MediaType, string? SchemaPointer)> Bodies { get; init; }
    public bool BodyRequired { get; init; }
    /// <summary>Alternatives: a request satisfies one of them whole (an empty one: no credentials needed). None: no security.</summary>
    public required IReadOnlyList<IReadOnlyList<SecurityNeed>> Security { get; init; }

    public RequestParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public static RequestContract Of(Spec spec, SpecOperation operation)
    {
        var root = spec.Root;
        var path = root["paths"]?[operation.PathTemplate] as JsonObject;
        var method = path?[operation.Method.ToLowerInvariant()] as JsonObject;
        var swagger2 = root["swagger"] is not null;
        var pathPointer = $"/paths/{JsonPointers.Escape(operation.PathTemplate)}";
        var parameters = new Dictionary<(string, string), RequestParameter>();
        var bodies = new List<(string, string?)>();
        var bodyRequired = false;
        foreach (var (list, pointer) in new[] { (path?["parameters"], $"{pathPointer}/parameters"), (method?["parameters"], $"{pathPointer}/{operation.Method.ToLowerInvariant()}/parameters") })
        {
            if (list is not JsonArray items) continue;
            for (var i = 0; i < items.Count; i++)
            {
                var (node, at) = Resolved(root, items[i], $"{pointer}/{i}");
                if (node is not JsonObject parameter || parameter["name"]?.ToString() is not { } name || parameter["in"]?.ToString() is not { } place) continue;
                if (place == "body")
                {
                    bodyRequired |= parameter["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req;
                    foreach (var type in Consumes(root, method)) bodies.Add((type, parameter["schema"] is null ? null : $"{at}/schema"));
                    continue;
                }
                var required = parameter["required"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
                var schema = swagger2 ? Lifted(parameter) : null;
                parameters[(place, name)] = new RequestParameter(name, place == "formData" ? "form" : place, required,
                    swagger2 ? null : parameter["schema"] is null ? null : $"{at}/schema", schema, Explodes(parameter, swagger2));
            }
        }
        if (parameters.Values.Any(p => p.In == "form"))
            foreach (var type in Consumes(root, method).Where(t => MediaTypes.Base(t) is "application/x-www-form-urlencoded" or "multipart/form-data"))
                bodies.Add((type, null));
        if (!swagger2 && method?["requestBody"] is { } requestBody)
        {
            var (body, at) = Resolved(root, requestBody, $"{pathPointer}/{operation.Method.ToLowerInvariant()}/requestBody");
            bodyRequired = body?["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req;
            foreach (var (type, content) in body?["content"] as JsonObject ?? [])
                bodies.Add((type, content?["schema"] is null ? null : $"{at}/content/{JsonPointers.Escape(type)}/schema"));
        }
        return new RequestContract
        {
            Operation = operation,
            Parameters = parameters.Values.ToList(),
            Bodies = bodies,
            BodyRequired = bodyRequired,
            Security = SecurityOf(root, method, swagger2),
        };
    }

    /// <summary>A local $ref followed (a few times at most), and where the node it reached lies.</summary>
    private static (JsonNode? Node, string Pointer) Resolved(JsonNode root, JsonNode? node, string pointer)
    {
        for (var hops = 0; hops < 8 && node is JsonObject o && o["$ref"]?.ToString() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
        {
            pointer = Uri.UnescapeDataString(reference[1..]);
            node = JsonPointers.Resolve(root, pointer);
        }
        return (node, pointer);
    }

    private static IEnumerable<string> Consumes(JsonNode root, JsonObject? method) =>
        ((method?["consumes"] ?? root["consumes"]) as JsonArray ?? []).Select(t => t?.ToString()).OfType<string>();

    private static readonly string[] TypeKeywords =
        ["type", "format", "items", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
         "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf", "x-nullable"];

    /// <summary>A Swagger 2.0 parameter's type keywords as a schema of their own (its `required` is not the schema's).</summary>
    private static JsonObject Lifted(JsonObject parameter)
    {
        var schema = new JsonObject();
        foreach (var keyword in TypeKeywords)
            if (parameter[keyword] is { } value) schema[keyword] = value.DeepClone();
        SchemaDialect.NormaliseToJsonSchema(schema);
        return schema;
    }

    /// <summary>Whether an array travels as the argument repeated (multi, form with explode) rather than one comma list.</summary>
    private static bool Explodes(JsonObject parameter, bool swagger2) => swagger2
        ? parameter["collectionFormat"]?.ToString() == "multi"
        : parameter["explode"] is JsonValue e && e.TryGetValue<bool>(out var explode) ? explode
        : (parameter["style"]?.ToString() ?? (parameter["in"]?.ToString() is "query" or "cookie" ? "form" : "simple")) == "form";

    private static IReadOnlyList<IReadOnlyList<SecurityNeed>> SecurityOf(JsonNode root, JsonObject? method, bool swagger2)
    {
        if ((method?["security"] ?? root["security"]) is not JsonArray requirements) return [];
        var schemes = (swagger2 ? root["securityDefinitions"] : root["components"]?["securitySchemes"]) as JsonObject;
        return requirements.OfType<JsonObject>().Select(requirement => (IReadOnlyList<SecurityNeed>)requirement
            .Select(need => new SecurityNeed(need.Key, Resolved(root, schemes?[need.Key], "").Node as JsonObject,
                (need.Value as JsonArray ?? []).Select(s => s?.ToString()).OfType<string>().ToList()))
            .ToList()).ToList();
    }
}

/// <summary>
/// A parameter an operation declares: where it goes (path, query, header, cookie, form), whether it is required, and its
/// schema: a pointer into the spec (OpenAPI 3) or one lifted from the parameter (Swagger 2.0).
/// </summary>
public sealed record RequestParameter(string Name, string In, bool Required, string? SchemaPointer, JsonObject? Schema, bool Explode);

/// <summary>One security scheme a requirement names, as the document defines it, with the scopes it asks for.</summary>
public sealed record SecurityNeed(string Name, JsonObject? Scheme, IReadOnlyList<string> Scopes)
{
    public string? Type => Scheme?["type"]?.ToString();
    /// <summary>An apiKey scheme's place (query, header, cookie) and name.</summary>
    public (string In, string Name)? ApiKey => Type == "apiKey" && Scheme?["in"]?.ToString() is { } place && Scheme["name"]?.ToString() is { } name ? (place, name) : null;
    public bool IsBearer => Type is "oauth2" or "openIdConnect" || (Type == "http" && Scheme?["scheme"]?.ToString()?.Equals("bearer", StringComparison.OrdinalIgnoreCase) == true);
}
