using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>
/// The schema resources an OpenAPI document declares inside itself with `$id`, by their absolute identifier. An
/// identifier names a schema; it is not an address: a `$ref` to one is resolved from the document, never
/// fetched. Only schema positions are searched, so an `$id` inside an enum, an example or a default value,
/// or a property that happens to be named "$id", declares nothing.
/// </summary>
public static class SchemaResources
{
    /// <param name="Outermost">The resource that holds this one and is held by no other (itself, when none holds it):
    /// resources are built whole from there, so that each `$id` is registered once.</param>
    public sealed record Resource(Uri Id, JsonNode Schema, string? Dialect, Uri Outermost);

    /// <summary>The resources by identifier, and the identifiers declared more than once (which name no one schema).</summary>
    public static (Dictionary<Uri, Resource> Resources, HashSet<Uri> Clashes) Find(JsonNode openApiDocument, Uri location)
    {
        var found = new Dictionary<Uri, Resource>();
        var clashes = new HashSet<Uri>();
        Walk(openApiDocument, SchemaPosition.OpenApi, location, null, null, found, clashes, depth: 0);
        return (found, clashes);
    }

    /// <summary>The same, for a document that is one JSON Schema (a file a `$ref` names) rather than an OpenAPI document.</summary>
    public static Dictionary<Uri, Resource> FindInSchema(JsonNode schemaDocument, Uri location)
    {
        var found = new Dictionary<Uri, Resource>();
        Walk(schemaDocument, SchemaPosition.Schema, location, null, null, found, [], depth: 0);
        return found;
    }

    private static void Walk(JsonNode? node, SchemaPosition position, Uri baseUri, string? dialect, Uri? outermost,
        Dictionary<Uri, Resource> found, HashSet<Uri> clashes, int depth)
    {
        if (depth > 256 || position == SchemaPosition.Data) return;
        if (position == SchemaPosition.Schema && node is JsonObject schema)
        {
            (baseUri, dialect, var declares) = SchemaPositions.Declared(schema, baseUri, dialect);
            if (declares)
            {
                outermost ??= baseUri;
                if (!found.TryAdd(baseUri, new Resource(baseUri, schema, dialect, outermost))) clashes.Add(baseUri);
            }
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                    Walk(child, SchemaPositions.Step(position, key, child, dialect), baseUri, dialect, outermost, found, clashes, depth + 1);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], SchemaPositions.Step(position, i.ToString(), array[i], dialect), baseUri, dialect, outermost, found, clashes, depth + 1);
                break;
        }
    }
}
