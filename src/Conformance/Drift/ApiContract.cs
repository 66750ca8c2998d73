using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Specs;

namespace Conformance.Drift;

/// <summary>
/// What an OpenAPI document (2.0, 3.0 or 3.1) promises, operation by operation, read the same way whatever way it
/// was written: parameters from the path item and the operation together (found by position in the path, whatever
/// they are named), Swagger 2.0's body and form parameters as a request body and its `produces` as response media
/// types, `$ref`s followed, schemas as <see cref="Shape"/>s.
/// </summary>
public sealed partial class ApiContract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Headers OpenAPI says a parameter may not describe (the protocol or the security scheme does).</summary>
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Authorization" };

    private ApiContract(SchemaReader schemas, IReadOnlyList<ContractOperation> operations)
    {
        Schemas = schemas;
        Operations = operations;
    }

    public SchemaReader Schemas { get; }
    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>The contract of a loaded spec; its `$ref`s to other documents are read where the spec's fetch policy allows.</summary>
    public static ApiContract Of(Spec spec) => Of(spec.Root, spec.Location, spec.ReadReferenced);

    public static ApiContract Of(JsonNode root, Uri location, Func<Uri, JsonNode> readDocument)
    {
        var schemas = new SchemaReader(root, location, readDocument);
        var reader = new Reader(schemas, root);
        return new ApiContract(schemas, reader.Operations().ToList());
    }

    /// <summary>A path as drift matches it: each parameter written {} (their names differ from document to document).</summary>
    public static string KeyOf(string path) => ParameterPattern().Replace(path, "{}");

    [GeneratedRegex(@"\{[^{}/]*\}")]
    private static partial Regex ParameterPattern();

    private sealed class Reader(SchemaReader schemas, JsonNode root)
    {
        private readonly Uri _document = schemas.Location;
        private readonly bool _swagger2 = root["swagger"] is not null;

        public IEnumerable<ContractOperation> Operations()
        {
            if (root["paths"] is not JsonObject paths) yield break;
            foreach (var (path, value) in paths)
            {
                var (item, itemPointer) = Resolve(value, $"/paths/{JsonPointers.Escape(path)}");
                if (item is null) continue;
                foreach (var method in Methods)
                    if (item[method] is JsonObject operation)
                        yield return Operation(path, method, item, itemPointer, operation, $"{itemPointer}/{method}");
            }
        }

        private ContractOperation Operation(string path, string method, JsonObject item, string itemPointer, JsonObject operation, string pointer)
        {
            var positions = ParameterPattern().Matches(path).Select((m, i) => (Name: m.Value.Trim('{', '}'), Index: i))
                .ToDictionary(p => p.Name, p => p.Index, StringComparer.Ordinal);
            // Path-level parameters first; the operation's own override them (OpenAPI: same name and location).
            var declared = new Dictionary<string, (JsonObject Node, string Pointer)>(StringComparer.Ordinal);
            foreach (var (list, at) in new[] { (item["parameters"], $"{itemPointer}/parameters"), (operation["parameters"], $"{pointer}/parameters") })
                if (list is JsonArray entries)
                    for (var i = 0; i < entries.Count; i++)
                        if (Resolve(entries[i], $"{at}/{i}") is ({ } node, var resolved) && Text(node["name"]) is { } name)
                            declared[$"{Text(node["in"])}:{(Text(node["in"]) == "header" ? name.ToLowerInvariant() : name)}"] = (node, resolved);

            var parameters = new List<ContractParameter>();
            var form = new List<(string Name, bool Required, Shape Shape)>();
            ContractBody? body = null;
            foreach (var (node, at) in declared.Values)
            {
                var name = Text(node["name"])!;
                var location = Text(node["in"]) ?? "query";
                var required = IsTrue(node["required"]) || location == "path";
                switch (location)
                {
                    case "body":
                        var bodySchema = schemas.Read(node["schema"], _document, _document, $"{at}/schema");
                        body = new ContractBody(required, Consumes(operation).ToDictionary(mt => mt, _ => bodySchema));
                        continue;
                    case "formData":
                        form.Add((name, required, schemas.Read(node, _document, _document, at)));
                        continue;
                    case "header" when IgnoredHeaders.Contains(name):
                        continue;
                }
                var shape = ParameterSchema(node, at);
                var key = location == "path" && positions.TryGetValue(name, out var index) ? $"path#{index}"
                    : location == "header" ? $"header:{name.ToLowerInvariant()}" : $"{location}:{name}";
                parameters.Add(new ContractParameter(key, name, location, required, shape, Serialisation(node, location),
                    IsTrue(node["deprecated"]), Text(node["description"])));
            }
            if (form.Count > 0)
            {
                var shape = new Shape { Types = JsonTypes.Object, Origin = $"{pointer}/parameters" };
                foreach (var (name, required, field) in form)
                {
                    shape.Properties[name] = field;
                    if (required) shape.Required.Add(name);
                }
                var types = Consumes(operation).Where(mt => mt.Contains("form", StringComparison.Ordinal)).DefaultIfEmpty("application/x-www-form-urlencoded");
                body = new ContractBody(form.Any(f => f.Required), types.ToDictionary(mt => mt, _ => shape));
            }
            if (!_swagger2 && Resolve(operation["requestBody"], $"{pointer}/requestBody") is ({ } requestBody, var bodyPointer))
                body = new ContractBody(IsTrue(requestBody["required"]), Content(requestBody, bodyPointer));

            var responses = new Dictionary<string, ContractResponse>(StringComparer.OrdinalIgnoreCase);
            if (operation["responses"] is JsonObject answers)
                foreach (var (status, value) in answers)
                    if (Resolve(value, $"{pointer}/responses/{JsonPointers.Escape(status)}") is ({ } response, var at))
                        responses[status.ToUpperInvariant()] = Response(response, at, operation);

            var security = operation["security"] ?? root["security"];
            var credentials = security is JsonArray { Count: > 0 } requirements && requirements.All(r => r is JsonObject { Count: > 0 });
            var documentation = new JsonObject();
            foreach (var key in new[] { "summary", "description", "operationId", "tags", "externalDocs" })
                if (operation[key] is { } value) documentation[key] = value.DeepClone();
            return new ContractOperation(method.ToUpperInvariant(), path, parameters, body, responses, credentials, IsTrue(operation["deprecated"]),
                documentation.Count == 0 ? null : documentation.ToJsonString());
        }

        /// <summary>OpenAPI 3: `schema`, or the schema of its one `content` entry. Swagger 2.0: the parameter itself is schema-like.</summary>
        private Shape ParameterSchema(JsonObject node, string at)
        {
            if (node["schema"] is { } schema) return schemas.Read(schema, _document, _document, $"{at}/schema");
            if (node["content"] is JsonObject content && content.FirstOrDefault() is { Value: JsonObject media } first)
                return schemas.Read(media["schema"], _document, _document, $"{at}/content/{JsonPointers.Escape(first.Key)}/schema");
            if (_swagger2) return schemas.Read(WithoutParameterKeys(node), _document, _document, at);
            return new Shape { Origin = at };
        }

        /// <summary>A Swagger 2.0 parameter's schema keywords, without the keys that say where it goes (its `required` is a boolean).</summary>
        private static JsonObject WithoutParameterKeys(JsonObject node) =>
            new(node.Where(p => p.Key is not ("name" or "in" or "required" or "collectionFormat" or "allowEmptyValue"))
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        /// <summary>How an array travels in a parameter: OpenAPI 3's style and explode, or Swagger 2.0's collectionFormat, as one word.</summary>
        private string Serialisation(JsonObject node, string location)
        {
            if (_swagger2)
                return Text(node["collectionFormat"]) switch
                {
                    "multi" => "form, exploded",
                    "ssv" => "spaceDelimited",
                    "pipes" => "pipeDelimited",
                    "tsv" => "tab-separated",
                    _ => location is "query" or "formData" ? "form" : "simple",
                };
            var style = Text(node["style"]) ?? (location is "query" or "cookie" ? "form" : "simple");
            var explode = node["explode"] is JsonValue e && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? e.GetValueKind() == JsonValueKind.True : style == "form";
            return explode ? $"{style}, exploded" : style;
        }

        private ContractResponse Response(JsonObject response, string pointer, JsonObject operation)
        {
            Dictionary<string, Shape> content;
            if (_swagger2)
                content = response.ContainsKey("schema")
                    ? Produces(operation).ToDictionary(mt => mt, _ => schemas.Read(response["schema"], _document, _document, $"{pointer}/schema"))
                    : [];
            else content = Content(response, pointer);
            var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (response["headers"] is JsonObject declared)
                foreach (var (name, value) in declared)
                    if (Resolve(value, $"{pointer}/headers/{JsonPointers.Escape(name)}") is ({ } header, _) && IsTrue(header["required"]))
                        headers.Add(name);
            return new ContractResponse(content, headers, Text(response["description"]));
        }

        private Dictionary<string, Shape> Content(JsonObject owner, string pointer)
        {
            var content = new Dictionary<string, Shape>(StringComparer.OrdinalIgnoreCase);
            if (owner["content"] is JsonObject media)
                foreach (var (type, value) in media)
                    content[MediaTypes.Normal(type)] = value is JsonObject m
                        ? schemas.Read(m["schema"], _document, _document, $"{pointer}/content/{JsonPointers.Escape(type)}/schema")
                        : new Shape();
            return content;
        }

        private IEnumerable<string> Produces(JsonObject operation) => MediaList(operation["produces"] ?? root["produces"]);

        private IEnumerable<string> Consumes(JsonObject operation) => MediaList(operation["consumes"] ?? root["consumes"]);

        private static IEnumerable<string> MediaList(JsonNode? node) =>
            (node as JsonArray ?? []).Select(Text).OfType<string>().Select(MediaTypes.Normal).Distinct().DefaultIfEmpty("application/json");

        /// <summary>A parameter, response, request body or path item, or the one its local `$ref` names (followed a few times at most).</summary>
        private (JsonObject? Node, string Pointer) Resolve(JsonNode? node, string pointer)
        {
            for (var hops = 0; hops < 10 && node is JsonObject obj && Text(obj["$ref"]) is { } reference; hops++)
            {
                if (!reference.StartsWith("#/", StringComparison.Ordinal)) return (null, pointer); // another document: SpecLoader inlines path items; others are rare
                pointer = Uri.UnescapeDataString(reference[1..]);
                node = JsonPointers.Resolve(root, pointer);
            }
            return (node as JsonObject, pointer);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}

/// <param name="Documentation">Summary, description, operationId and tags as one text.</param>
public sealed record ContractOperation(
    string Method,
    string Path,
    IReadOnlyList<ContractParameter> Parameters,
    ContractBody? Body,
    IReadOnlyDictionary<string, ContractResponse> Responses,
    bool NeedsCredentials,
    bool Deprecated,
    string? Documentation)
{
    public string Id => $"{Method} {Path}";
    public string Key => $"{Method} {ApiContract.KeyOf(Path)}";
}

/// <param name="Key">How parameters are matched: path parameters by position, headers without regard to case, others by location and name.</param>
/// <param name="Serialisation">How an array is written into it (style and explode).</param>
public sealed record ContractParameter(string Key, string Name, string In, bool Required, Shape Schema, string Serialisation, bool Deprecated, string? Description);

/// <param name="Content">The schema of each media type, by media type without parameters.</param>
public sealed record ContractBody(bool Required, IReadOnlyDictionary<string, Shape> Content);

public sealed record ContractResponse(IReadOnlyDictionary<string, Shape> Content, IReadOnlySet<string> RequiredHeaders, string? Description);
