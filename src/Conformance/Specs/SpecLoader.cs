using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Conformance.Evidence;
using Conformance.Standards;
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
        var (text, origin) = source.ReadSpec(location);
        JsonNode? converted;
        try
        {
            converted = YamlToJson.Convert(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SpecLoadException($"'{pathOrUrl}' is neither JSON nor YAML (line {e.Start.Line}: {e.Message}).", e);
        }
        catch (SpecLoadException e) // nested too deep, or an alias bomb
        {
            throw new SpecLoadException($"'{pathOrUrl}': {e.Message}", e);
        }
        var root = converted ?? throw new SpecLoadException($"'{pathOrUrl}' is empty.");
        if (root is not JsonObject obj || (obj["openapi"] is null && obj["swagger"] is null))
            throw new SpecLoadException($"'{pathOrUrl}' is not an OpenAPI or Swagger document (no 'openapi' or 'swagger' field).");
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
        var operations = OperationsOf(model, root, version.StartsWith('2'));
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
                throw new SpecLoadException($"'{location}' could not be read as OpenAPI {version}: {e.Message}", e);
            }
        }
    }

    private static OpenApiDocument Read(JsonNode tree, Uri location, string version, List<SpecDiagnostic> diagnostics)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        var result = new OpenApiJsonReader().Read(tree, location, settings);
        foreach (var error in (result.Diagnostic?.Errors ?? []).Where(e => !ReaderCannotFollow(tree, e.Pointer, e.Message)))
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Parse, error.Pointer ?? "", error.Message));
        foreach (var warning in (result.Diagnostic?.Warnings ?? []).Where(w => !ReaderCannotFollow(tree, w.Pointer, w.Message)))
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Parse, warning.Pointer ?? "", warning.Message));
        return result.Document ?? throw new SpecLoadException($"'{location}' could not be read as OpenAPI {version}.");
    }

    /// <summary>
    /// The OpenAPI reader follows a schema `$ref` only into components/schemas and says any other "does not point to an
    /// existing schema" (the bundled APDS document names schemas by their place under paths, as JSON Reference allows). Where the `$ref` does name
    /// a node of the document, that is the reader's limit, not the document's fault: validation reads the tree itself.
    /// </summary>
    private static bool ReaderCannotFollow(JsonNode tree, string? pointer, string message) =>
        message.StartsWith("The schema reference '", StringComparison.Ordinal)
        && message.EndsWith("' does not point to an existing schema.", StringComparison.Ordinal)
        && pointer is { Length: > 1 } && pointer[0] == '#'
        && JsonPointers.Resolve(tree, Uri.UnescapeDataString(pointer[1..])) is JsonValue value && value.TryGetValue<string>(out var reference)
        && reference.StartsWith("#/", StringComparison.Ordinal)
        && JsonPointers.Resolve(tree, Uri.UnescapeDataString(reference[1..])) is not null;

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

    private static List<SpecOperation> OperationsOf(OpenApiDocument model, JsonNode root, bool swagger2)
    {
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in model.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var verb = method.Method.ToUpperInvariant();
                var parameters = (operation.Parameters ?? []).Concat(item.Parameters ?? [])
                    .Where(p => p.Name is not null)
                    .DistinctBy(p => (p.Name, p.In))
                    .Select(p => new SpecParameter(p.Name!, p.In?.ToString().ToLowerInvariant() ?? "query", p.Required,
                        p.Schema?.Enum is { Count: > 0 } values ? values.Select(v => Specs.JsonText.Of(v) ?? "").ToList() : null))
                    .ToList();
                var responses = new List<SpecResponse>();
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    var rawResponse = ResponseNode(root, path, verb, status);
                    var content = (response.Content ?? new Dictionary<string, IOpenApiMediaType>())
                        .Select(c => new SpecContent(c.Key, SchemaPointer(root, rawResponse, c.Key, swagger2)))
                        .ToList();
                    responses.Add(new SpecResponse(status, content));
                }
                operations.Add(new SpecOperation(verb, path, parameters, responses));
            }
        }
        return operations;
    }

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
