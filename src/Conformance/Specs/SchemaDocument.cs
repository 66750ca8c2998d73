using System.Text.Json.Nodes;
using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Conformance.Specs;

/// <summary>
/// An OpenAPI document as the validator reads it. A schema found by JSON Pointer is built in the dialect the path
/// to it declares (OpenAPI 3.1 lets a schema name its own with `$schema`). A schema inside a resource that
/// declares an `$id` is taken from that resource, built once and registered under its identifier, so that its
/// relative `$ref`s resolve against it and no identifier is registered twice.
/// </summary>
public sealed class SchemaDocument(JsonNode tree, Uri baseUri, Func<string?, Dialect> dialects, Func<Uri, IBaseDocument?> resource,
    IReadOnlySet<Uri> clashes)
    : IBaseDocument
{
    private readonly JsonElement _root = JsonDocument.Parse(tree.ToJsonString()).RootElement.Clone();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchemaNode?> _found = new();

    public Uri BaseUri => baseUri;

    public JsonSchemaNode? FindSubschema(JsonPointer pointer, BuildContext context) =>
        _found.GetOrAdd(pointer.ToString(), key => Build(key, context));

    private JsonSchemaNode? Build(string pointer, BuildContext context)
    {
        var tokens = JsonPointers.Tokens(pointer);
        JsonNode? current = tree;
        var position = SchemaPosition.OpenApi;
        var (resourceBase, dialect, resourceAt) = (baseUri, (string?)null, -1);
        for (var i = 0; ; i++)
        {
            if (position == SchemaPosition.Schema && current is JsonObject schema)
            {
                var declared = SchemaPositions.Declared(schema, resourceBase, dialect);
                dialect = declared.Dialect;
                if (declared.NewResource) (resourceBase, resourceAt) = (declared.BaseUri, i);
            }
            if (i == tokens.Count) break;
            var next = JsonPointers.Step(current, tokens[i]);
            position = SchemaPositions.Step(position, tokens[i], next, dialect);
            current = next;
        }
        if (resourceAt >= 0)
        {
            if (clashes.Contains(resourceBase))
                throw new JsonSchemaException($"the spec declares the $id {resourceBase} more than once, so it names no one schema");
            var rest = "/" + string.Join('/', tokens.Skip(resourceAt).Select(JsonPointers.Escape));
            return resource(resourceBase)?.FindSubschema(JsonPointer.Parse(rest == "/" ? "" : rest), context);
        }
        var local = pointer.Length == 0 ? (JsonElement?)_root : JsonPointer.Parse(pointer).Evaluate(_root);
        if (local is null) return null;
#pragma warning disable CS0618 // the library marks the path from the resource root "advanced usage": this is it
        var built = context with
        {
            LocalSchema = local.Value,
            BaseUri = baseUri,
            Dialect = dialect is null ? context.Dialect : dialects(dialect),
            PathFromResourceRoot = JsonPointer.Parse(pointer),
        };
        var node = JsonSchema.BuildNode(built);
        node.PathFromResourceRoot = built.PathFromResourceRoot;
#pragma warning restore CS0618
        return node;
    }
}
