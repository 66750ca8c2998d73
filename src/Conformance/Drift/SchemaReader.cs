using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Specs;

namespace Conformance.Drift;

/// <summary>
/// Reads the schemas of one OpenAPI document (and the documents its `$ref`s name) into <see cref="Shape"/>s. A
/// `$ref` is followed wherever the document's fetch policy allows (<see cref="Spec.ReadReferenced"/>); one that
/// cannot be read leaves its shape <see cref="Shape.Unresolved"/>, saying why. Each schema is read once, so a
/// `$ref` cycle comes back to the same shape.
/// </summary>
public sealed class SchemaReader
{
    /// <summary>Nesting deeper than this is not followed (every JSON reader downstream stops at 64 too).</summary>
    private const int MaxDepth = 64;

    private readonly Func<Uri, JsonNode> _readDocument;
    private readonly Dictionary<Uri, JsonNode> _documents = [];
    private readonly Dictionary<Uri, string> _unreadable = [];
    private readonly Dictionary<Uri, JsonNode> _identified = []; // schemas declared with $id, by identifier
    private readonly Dictionary<string, Shape> _read = new(StringComparer.Ordinal); // by document#pointer
    private int _depth;

    /// <param name="readDocument">Reads a document a `$ref` names (its address, without fragment); throws <see cref="SpecLoadException"/> where it may not.</param>
    public SchemaReader(JsonNode root, Uri location, Func<Uri, JsonNode> readDocument)
    {
        Root = root;
        Location = Strip(location);
        _readDocument = readDocument;
        _documents[Location] = root;
        Index(root, Location);
    }

    public JsonNode Root { get; }
    public Uri Location { get; }

    /// <summary>The shape of the schema at a pointer in the document (null or absent: any value).</summary>
    public Shape At(string pointer) => Read(JsonPointers.Resolve(Root, pointer), Location, Location, pointer);

    /// <summary>The shape of a schema node that sits at <paramref name="pointer"/> in <paramref name="document"/>.</summary>
    public Shape Read(JsonNode? node, Uri document, Uri baseUri, string pointer)
    {
        var key = $"{document}#{pointer}";
        if (_read.TryGetValue(key, out var known)) return known;
        var shape = new Shape { Origin = pointer.Length == 0 ? document.ToString() : pointer, Building = true };
        _read[key] = shape;
        if (_depth < MaxDepth && node is JsonObject bare && IsBareReference(bare) && Text(bare["$ref"]) is { } reference)
        {
            // Only a $ref: the shape is the one it names, the very object, so a cycle comes back to it.
            _depth++;
            try
            {
                var named = Follow(reference, BaseOf(bare, baseUri), out var why);
                if (named is null) shape.Unresolved = why;
                else _read[key] = shape = named;
            }
            finally
            {
                _depth--;
            }
            if (shape.Unresolved is not null) shape.Building = false;
            return shape;
        }
        if (_depth >= MaxDepth)
        {
            shape.Unresolved = $"the schema at {pointer} is nested more than {MaxDepth} levels deep";
            shape.Building = false;
            return shape;
        }
        _depth++;
        try
        {
            Fill(shape, node, document, baseUri, pointer);
        }
        finally
        {
            _depth--;
            shape.Building = false;
        }
        return shape;
    }

    private void Fill(Shape shape, JsonNode? node, Uri document, Uri baseUri, string pointer)
    {
        switch (node)
        {
            case null:
                return;
            case JsonValue value when value.GetValueKind() is JsonValueKind.False:
                shape.Types = JsonTypes.None;
                return;
            case not JsonObject:
                return; // true, or not a schema at all: any value
        }
        var schema = (JsonObject)node;
        baseUri = BaseOf(schema, baseUri);

        if (Text(schema["$ref"]) is { } reference)
        {
            var target = Follow(reference, baseUri, out var why);
            if (target is null) shape.Unresolved = why;
            else if (target.Building) { } // a cycle through the schema itself (allOf: [$ref: self]): it adds nothing
            else Merge.Into(shape, target);
        }
        Merge.Into(shape, Keywords.Of(schema, pointer));
        var nullable = IsTrue(schema, "nullable") || IsTrue(schema, "x-nullable");

        if (schema["allOf"] is JsonArray all)
            for (var i = 0; i < all.Count; i++)
            {
                var member = Read(all[i], document, baseUri, $"{pointer}/allOf/{i}");
                if (!member.Building) Merge.Into(shape, member);
            }
        foreach (var keyword in new[] { "anyOf", "oneOf" })
            if (schema[keyword] is JsonArray branches)
            {
                var read = branches.Select((b, i) => Read(b, document, baseUri, $"{pointer}/{keyword}/{i}")).Where(b => !b.IsNever).ToList();
                var nulls = read.Where(IsOnlyNull).ToList();
                var others = read.Except(nulls).ToList();
                if (others.Count == 1 && !others[0].Building)
                {
                    Merge.Into(shape, others[0]);
                    if (nulls.Count > 0) nullable = true;
                }
                else if (others.Count > 1) shape.Alternatives = [.. others, .. nulls];
                else if (others.Count == 0 && nulls.Count > 0) shape.Types = JsonTypeSets.Intersect(shape.Types, JsonTypes.Null);
            }
        if (schema["not"] is JsonObject { Count: 0 }) shape.Types = JsonTypes.None; // not: {} allows nothing

        ReadChildren(shape, schema, document, baseUri, pointer);
        Infer(shape);
        if (nullable) AllowNull(shape);
    }

    private void ReadChildren(Shape shape, JsonObject schema, Uri document, Uri baseUri, string pointer)
    {
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, child) in properties)
            {
                var read = Read(child, document, baseUri, $"{pointer}/properties/{JsonPointers.Escape(name)}");
                shape.Properties[name] = shape.Properties.TryGetValue(name, out var earlier) ? Merge.Both(earlier, read) : read;
            }
        switch (schema["additionalProperties"])
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.False:
                shape.AdditionalProperties = Shape.Never;
                break;
            case JsonObject extra:
                var read = Read(extra, document, baseUri, $"{pointer}/additionalProperties");
                shape.AdditionalProperties = shape.AdditionalProperties is { } earlier ? Merge.Both(earlier, read) : read;
                break;
        }
        switch (schema["items"])
        {
            case JsonObject items:
                var read = Read(items, document, baseUri, $"{pointer}/items");
                shape.Items = shape.Items is { } earlier ? Merge.Both(earlier, read) : read;
                break;
            case JsonArray tuple when tuple.Count > 0: // draft-04 tuples: an item is one of them
                var each = tuple.Select((t, i) => Read(t, document, baseUri, $"{pointer}/items/{i}")).ToList();
                shape.Items = each.Count == 1 ? each[0] : new Shape { Alternatives = each, Origin = $"{pointer}/items" };
                break;
        }
    }

    /// <summary>A schema that names properties but no type means an object; one that names items, an array; an enum, the types of its values.</summary>
    private static void Infer(Shape shape)
    {
        if (shape.Types != JsonTypes.Any) return;
        if (shape.Properties.Count > 0 || shape.Required.Count > 0 || shape.AdditionalProperties is not null) shape.Types = JsonTypes.Object;
        else if (shape.Items is not null) shape.Types = JsonTypes.Array;
        else if (shape.Enum is { Count: > 0 } values) shape.Types = JsonTypeSets.Normal(values.Aggregate(JsonTypes.None, (t, v) => t | TypeOf(v)));
    }

    private static void AllowNull(Shape shape)
    {
        if (shape.Types != JsonTypes.Any) shape.Types |= JsonTypes.Null;
        if (shape.Enum is { } values && !values.Any(v => v is null)) values.Add(null);
    }

    private static bool IsOnlyNull(Shape shape) =>
        shape.Types == JsonTypes.Null || shape.Enum is [null];

    public static JsonTypes TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => JsonTypes.Null,
        JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
        JsonValueKind.Object => JsonTypes.Object,
        JsonValueKind.Array => JsonTypes.Array,
        JsonValueKind.Number => value.ToJsonString().Contains('.') || value.ToJsonString().Contains('e') ? JsonTypes.Number : JsonTypes.Integer,
        _ => JsonTypes.String,
    };

    /// <summary>The shape a `$ref` names, or null with the reason it cannot be read.</summary>
    private Shape? Follow(string reference, Uri baseUri, out string? why)
    {
        why = null;
        if (!Uri.TryCreate(baseUri, reference, out var target))
        {
            why = $"the $ref '{reference}' is not a URI reference";
            return null;
        }
        var address = Strip(target);
        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        if (fragment.Length > 0 && !fragment.StartsWith('/'))
        {
            why = $"the $ref '{reference}' names an anchor, which drift does not follow";
            return null;
        }
        JsonNode? document;
        if (_identified.TryGetValue(address, out var resource)) document = resource;
        else if (!_documents.TryGetValue(address, out document))
        {
            if (_unreadable.TryGetValue(address, out var earlier))
            {
                why = earlier;
                return null;
            }
            try
            {
                document = _readDocument(address);
                _documents[address] = document;
                Index(document, address);
            }
            catch (SpecLoadException e)
            {
                _unreadable[address] = why = e.Message;
                return null;
            }
        }
        var node = fragment.Length == 0 ? document : JsonPointers.Resolve(document, fragment);
        if (node is null)
        {
            why = $"the $ref '{reference}' names nothing: {address} has nothing at {fragment}";
            return null;
        }
        return Read(node, address, address, fragment);
    }

    /// <summary>The schemas a document declares with `$id`: a `$ref` to one is resolved from it, never fetched.</summary>
    private void Index(JsonNode document, Uri location)
    {
        if (document is not JsonObject o) return;
        var resources = o["openapi"] is not null || o["swagger"] is not null
            ? SchemaResources.Find(document, location).Resources
            : SchemaResources.FindInSchema(document, location);
        foreach (var (id, resource) in resources) _identified.TryAdd(Strip(id), resource.Schema);
    }

    /// <summary>Keywords beside a `$ref` that say nothing about values.</summary>
    private static readonly HashSet<string> Annotations =
        ["$ref", "description", "summary", "title", "example", "examples", "$comment", "deprecated", "externalDocs", "xml", "discriminator"];

    private static bool IsBareReference(JsonObject schema) => schema.All(p => Annotations.Contains(p.Key) || (p.Key.StartsWith("x-", StringComparison.Ordinal) && p.Key != "x-nullable"));

    private static Uri BaseOf(JsonObject schema, Uri baseUri) =>
        Text(schema["$id"]) is { } id && Uri.TryCreate(baseUri, id, out var identified) ? Strip(identified) : baseUri;

    private static Uri Strip(Uri uri) => new(uri.GetLeftPart(UriPartial.Query));

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool IsTrue(JsonObject obj, string key) => obj[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
