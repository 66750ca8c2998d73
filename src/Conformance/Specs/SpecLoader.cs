using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi;

namespace Conformance.Specs;

/// <summary>
/// Loads OpenAPI 2.0, 3.0 and 3.1 documents (JSON or YAML) leniently: whatever the document gets wrong
/// becomes a <see cref="SpecDiagnostic"/>; only a document that cannot be read at all throws
/// <see cref="SpecLoadException"/>.
/// </summary>
public sealed class SpecLoader(SpecSource source)
{
    public Spec Load(string pathOrUrl, IReadOnlyList<Erratum> errata, IReadOnlyList<string>? incorporatedErrata = null)
    {
        var location = SpecSource.ToUri(pathOrUrl);
        var (text, origin, fetch) = source.ReadSpec(location);
        return Build(pathOrUrl, location, text, origin, fetch, errata, incorporatedErrata);
    }

    /// <summary>A document a server names (not the user), read under <see cref="SpecSource.ReadNamed"/>'s stricter rules.</summary>
    public Spec LoadNamed(Uri location, Uri namedBy, IReadOnlyList<Erratum> errata)
    {
        var (text, origin, fetch) = source.ReadNamed(location, namedBy);
        return Build(location.ToString(), location, text, origin, fetch, errata, null);
    }

    private Spec Build(string pathOrUrl, Uri location, string text, SpecOrigin origin, DocumentFetch? fetch, IReadOnlyList<Erratum> errata,
        IReadOnlyList<string>? incorporatedErrata)
    {
        JsonNode? converted;
        try
        {
            converted = YamlToJson.Convert(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SpecLoadException($"'{pathOrUrl}' is neither JSON nor YAML (line {e.Start.Line}: {e.Message}).", e) { DocumentFault = true };
        }
        catch (SpecLoadException e) // nested too deep, or an alias bomb
        {
            throw new SpecLoadException($"'{pathOrUrl}': {e.Message}", e);
        }
        var root = converted ?? throw new SpecLoadException($"'{pathOrUrl}' is empty.") { DocumentFault = true };
        if (root is not JsonObject obj || (obj["openapi"] is null && obj["swagger"] is null))
            throw new SpecLoadException($"'{pathOrUrl}' is not an OpenAPI or Swagger document (no 'openapi' or 'swagger' field).") { DocumentFault = true };
        var version = VersionOf(obj);

        var diagnostics = new List<SpecDiagnostic>();
        if (incorporatedErrata is { Count: > 0 })
            diagnostics.AddRange(errata.Where(e => incorporatedErrata.Contains(e.Id)).Select(e =>
                new SpecDiagnostic(SpecDiagnostic.Erratum, e.Edits[0].At, $"Erratum {e.Id} ({e.Title}) is incorporated in this transcription (source: {e.Source}).")));
        else
            diagnostics.AddRange(ErrataApplier.Apply(root, errata));

        InlinePathItems(obj, origin, diagnostics);
        var references = LocalRefs.Repair(root);
        diagnostics.AddRange(references.Diagnostics);
        var model = ReadModel(root, location, version, diagnostics);
        var operations = OperationsOf(model, root, version.StartsWith('2'), diagnostics);
        foreach (var path in operations.Select(o => o.Path).Distinct().Where(DotSegments.In))
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Path, $"/paths/{JsonPointers.Escape(path)}",
                $"The path {path} has a dot segment ('.' or '..', plain or as %2E): a request to it could leave the base URL's path (on a shared gateway, for another API), so it is never sent."));
        var validationRoot = root.DeepClone();
        if (!version.StartsWith("3.1")) SchemaDialect.NormaliseToJsonSchema(validationRoot);
        EcmaPatterns.Translate(validationRoot);
        var dangling = LocalRefs.Repair(validationRoot).Dangling; // the same $refs, at their places in the tree validation reads

        return new Spec
        {
            Location = location,
            OpenApiVersion = version,
            Digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            Root = root,
            Operations = operations,
            Diagnostics = diagnostics,
            Schemas = new ResponseSchemas(origin, validationRoot, source, normalise: !version.StartsWith("3.1"), diagnostics, dangling),
            CredentialParameters = CredentialParametersOf(obj),
            Fetched = fetch,
            Origin = origin,
            Source = source,
        };
    }

    /// <summary>
    /// Path Items that are whole-file $refs (GOV.UK Notify writes every path so) are read in place: the
    /// OpenAPI reader does not follow them, so without this those operations would be invisible. Their own
    /// relative $refs then resolve against the root document, which holds for files in the same folder.
    /// </summary>
    private void InlinePathItems(JsonObject root, SpecOrigin origin, List<SpecDiagnostic> diagnostics)
    {
        if (root["paths"] is not JsonObject paths) return;
        foreach (var (path, item) in paths.ToList())
        {
            if (item is not JsonObject { Count: 1 } reference || reference["$ref"]?.ToString() is not { } target || target.StartsWith('#'))
                continue;
            try
            {
                var file = new Uri(origin.Location, target.Split('#')[0]);
                if (YamlToJson.Convert(source.ReadReferenced(file, origin)) is JsonObject loaded)
                {
                    paths[path] = loaded;
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, $"/paths/{JsonPointers.Escape(path)}", $"Path item read from {target}."));
                }
            }
            catch (Exception e) when (e is SpecLoadException or YamlDotNet.Core.YamlException or UriFormatException)
            {
                diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, $"/paths/{JsonPointers.Escape(path)}", $"Path item {target} cannot be read: {e.Message}"));
            }
        }
    }

    /// <summary>Each apiKey security scheme's place and name (OpenAPI 3: components.securitySchemes; Swagger 2.0: securityDefinitions).</summary>
    private static List<(string In, string Name)> CredentialParametersOf(JsonObject root)
    {
        var schemes = (root["components"]?["securitySchemes"] as JsonObject ?? []).Concat(root["securityDefinitions"] as JsonObject ?? []);
        return schemes.Select(s => s.Value).OfType<JsonObject>()
            .Where(s => JsonText.Of(s["type"]) == "apiKey" && JsonText.Of(s["in"]) is not null && JsonText.Of(s["name"]) is not null)
            .Select(s => (JsonText.Of(s["in"])!.ToLowerInvariant(), JsonText.Of(s["name"])!))
            .ToList();
    }

    /// <summary>
    /// The version as text. Unquoted in YAML, `swagger: 2.0` reads as the number 2: it is written back as
    /// "2.0" so the reader recognises it.
    /// </summary>
    private static string VersionOf(JsonObject obj)
    {
        var key = obj["openapi"] is not null ? "openapi" : "swagger";
        if (obj[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var number = v.GetValue<double>().ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
            obj[key] = key == "swagger" ? number : $"{number}.0";
        }
        return obj[key]!.ToString();
    }

    private static OpenApiDocument ReadModel(JsonNode root, Uri location, string version, List<SpecDiagnostic> diagnostics)
    {
        // Re-parsed from text: the reader expects the value kinds JsonNode.Parse makes, not those of a clone.
        var forReader = JsonNode.Parse(root.ToJsonString())!;
        if (version.StartsWith("3.0"))
            foreach (var pointer in SchemaDialect.NumericBoundsToOpenApi30(forReader))
                diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Parse, pointer,
                    "Numeric exclusiveMinimum/exclusiveMaximum is OpenAPI 3.1 syntax in a 3.0 document; read as the 3.0 form."));
        try
        {
            return Read(forReader, location, version, diagnostics);
        }
        catch (Exception e) when (e is not SpecLoadException)
        {
            // Microsoft.OpenApi throws on schemas it cannot model (a boolean schema under properties, a relative $id,
            // an empty pointer token). The operations do not need them, and validation reads the document's own tree:
            // read the operations again with every schema left empty, and say so.
            try
            {
                var document = Read(WithoutSchemas(forReader), location, version, diagnostics);
                diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Parse, "",
                    $"The OpenAPI reader could not model this document's schemas ({e.GetType().Name}: {e.Message}); its operations were read without them. Responses are still validated against the document's own schemas."));
                return document;
            }
            catch (Exception again) when (again is not SpecLoadException)
            {
                throw new SpecLoadException($"'{location}' could not be read as OpenAPI {version}: {e.Message}", e) { DocumentFault = true };
            }
        }
    }

    private static OpenApiDocument Read(JsonNode tree, Uri location, string version, List<SpecDiagnostic> diagnostics)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        var result = new OpenApiJsonReader().Read(tree, location, settings);
        foreach (var error in result.Diagnostic?.Errors ?? [])
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Parse, error.Pointer ?? "", error.Message));
        foreach (var warning in result.Diagnostic?.Warnings ?? [])
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Parse, warning.Pointer ?? "", warning.Message));
        return result.Document ?? throw new SpecLoadException($"'{location}' could not be read as OpenAPI {version}.") { DocumentFault = true };
    }

    /// <summary>A copy of the document for the operation reader, with every schema (and schema map) emptied.</summary>
    private static JsonNode WithoutSchemas(JsonNode tree)
    {
        var copy = JsonNode.Parse(tree.ToJsonString())!;
        void Empty(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        if (key == "schema") obj[key] = new JsonObject();
                        else if (key is "schemas" or "definitions" && child is JsonObject map)
                            foreach (var name in map.Select(p => p.Key).ToList()) map[name] = new JsonObject();
                        else Empty(child);
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array) Empty(child);
                    break;
            }
        }
        Empty(copy);
        return copy;
    }

    private static List<SpecOperation> OperationsOf(OpenApiDocument model, JsonNode root, bool swagger2, List<SpecDiagnostic> diagnostics)
    {
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in model.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var verb = method.Method.ToUpperInvariant();
                var where = $"/paths/{JsonPointers.Escape(path)}/{verb.ToLowerInvariant()}/parameters";
                var parameters = (operation.Parameters ?? []).Concat(item.Parameters ?? [])
                    .Select(p => ParameterOf(p, where, diagnostics)).OfType<SpecParameter>()
                    .DistinctBy(p => (p.Name, p.In))
                    .ToList();
                var responses = new List<SpecResponse>();
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    var rawResponse = ResponseNode(root, path, verb, status);
                    var content = (response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                        .Select(c => new SpecContent(swagger2 && !Produces(root, path, verb) ? AnyMediaType : c.Key, SchemaPointer(root, rawResponse, c.Key, swagger2)))
                        .DistinctBy(c => c.MediaType)
                        .ToList();
                    responses.Add(new SpecResponse(status, content));
                }
                operations.Add(new SpecOperation(verb, path, parameters, responses));
            }
        }
        return operations;
    }

    /// <summary>
    /// A parameter as the planner needs it. The reader resolves a parameter's (or its schema's) reference only when it is
    /// read, and throws where it cannot (a reference into a file it was not asked to load, which it may call circular):
    /// what it could not resolve is read as unknown, and a diagnostic says which reference it was.
    /// </summary>
    private static SpecParameter? ParameterOf(IOpenApiParameter parameter, string where, List<SpecDiagnostic> diagnostics)
    {
        string? name;
        string place;
        bool required;
        try
        {
            (name, place, required) = (parameter.Name, parameter.In?.ToString().ToLowerInvariant() ?? "query", parameter.Required);
        }
        catch (InvalidOperationException)
        {
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, where,
                $"A parameter refers to {ReferenceOf(parameter)}, which the OpenAPI reader could not resolve here: it is left out of the plan."));
            return null;
        }
        if (name is null) return null;
        try
        {
            var values = parameter.Schema?.Enum is { Count: > 0 } allowed ? allowed.Select(v => JsonText.Of(v) ?? "").ToList() : null;
            return new SpecParameter(name, place, required, values, ParameterSuggestions.Of(parameter));
        }
        catch (InvalidOperationException)
        {
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, where,
                $"The schema of parameter {name} ({place}) refers to {ReferenceOf(parameter.Schema)}, which the OpenAPI reader could not resolve here: "
                + "its enum, default and examples are not read."));
            return new SpecParameter(name, place, required);
        }
    }

    private static string ReferenceOf(object? holder) =>
        (holder switch
        {
            OpenApiSchemaReference schema => schema.Reference.ReferenceV3,
            OpenApiParameterReference parameter => parameter.Reference.ReferenceV3,
            _ => null,
        }) ?? "another document";

    /// <summary>What a Swagger 2.0 response may be when the document names no type it produces (the reader assumes application/octet-stream).</summary>
    private const string AnyMediaType = "*/*";

    /// <summary>Whether a Swagger 2.0 operation, or the document for all of them, says what it produces.</summary>
    private static bool Produces(JsonNode root, string path, string verb) =>
        root["produces"] is JsonArray { Count: > 0 } || root["paths"]?[path]?[verb.ToLowerInvariant()]?["produces"] is JsonArray { Count: > 0 };

    /// <summary>The pointer of a response object in the raw tree, following a local $ref to components.</summary>
    private static string ResponseNode(JsonNode root, string path, string verb, string status)
    {
        var pointer = $"/paths/{JsonPointers.Escape(path)}/{verb.ToLowerInvariant()}/responses/{JsonPointers.Escape(status)}";
        for (var hops = 0; hops < 10; hops++)
        {
            var node = JsonPointers.Resolve(root, pointer);
            if (node?["$ref"]?.ToString() is { } reference && reference.StartsWith("#/"))
                pointer = Uri.UnescapeDataString(reference[1..]);
            else break;
        }
        return pointer;
    }

    private static string? SchemaPointer(JsonNode root, string responsePointer, string mediaType, bool swagger2)
    {
        var pointer = swagger2 ? $"{responsePointer}/schema" : $"{responsePointer}/content/{JsonPointers.Escape(mediaType)}/schema";
        return JsonPointers.Resolve(root, pointer) is null ? null : pointer;
    }
}
