using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>
/// Local `$ref`s (`#/…`) checked and, where a bundler wrote them through another reference, repaired. swagger-cli
/// bundling the APDS 4.0 document names a schema by the path it was first met at, so a pointer may pass through a
/// node that is itself a `$ref` (`…/data/items/oneOf/0`, where `items` holds only a `$ref`). JSON Pointer does not
/// follow references, so such a pointer names nothing. It is resolved as the bundler meant: a `$ref` met while
/// walking the pointer is followed, and the `$ref` is rewritten to the node it reaches, with a diagnostic saying
/// so. A local `$ref` that names nothing even then is dangling: a diagnostic, and every schema that reaches it is
/// reported as unusable (<see cref="Reaches"/>) rather than left to fail while a body is judged. A schema that declares
/// an <c>$id</c> is a resource of its own, whose local references are its own business: they are left alone.
/// </summary>
public static class LocalRefs
{
    /// <summary>References followed while walking one pointer: more means a loop.</summary>
    private const int MostHops = 32;

    /// <summary>What was repaired or found dangling in one document.</summary>
    public sealed record Outcome(IReadOnlyList<SpecDiagnostic> Diagnostics, IReadOnlySet<string> Dangling);

    /// <summary>Repairs the document's local `$ref`s in place; <paramref name="document"/> names it in diagnostics ("" for the spec itself).</summary>
    public static Outcome Repair(JsonNode root, string document = "")
    {
        var diagnostics = new List<SpecDiagnostic>();
        var dangling = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (holder, at) in References(root, ""))
        {
            var reference = holder["$ref"]!.GetValue<string>();
            var pointer = PointerOf(reference);
            if (pointer is null || JsonPointers.Resolve(root, pointer) is not null) continue;
            var where = document.Length == 0 ? at : $"{document}#{at}";
            if (Walk(root, pointer, 0) is { } canonical)
            {
                holder["$ref"] = Fragment(canonical);
                diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, where,
                    $"The $ref {reference} points through another $ref, which a JSON Pointer does not follow; read as {Fragment(canonical)}, the schema the bundler meant."));
            }
            else
            {
                dangling.Add(at);
                diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, where,
                    $"The $ref {reference} names nothing in the document: schemas that use it cannot be judged."));
            }
        }
        return new Outcome(diagnostics, dangling);
    }

    /// <summary>
    /// The first dangling `$ref` the schema at <paramref name="pointer"/> reaches, through its own subschemas and the
    /// local `$ref`s it follows, or null when it reaches none.
    /// </summary>
    public static string? Reaches(JsonNode root, string pointer, IReadOnlySet<string> dangling)
    {
        if (dangling.Count == 0) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([pointer]);
        while (pending.Count > 0)
        {
            var start = pending.Pop();
            if (!seen.Add(start) || JsonPointers.Resolve(root, start) is not { } node) continue;
            foreach (var (holder, at) in References(node, start))
            {
                if (dangling.Contains(at)) return at;
                if (PointerOf(holder["$ref"]!.GetValue<string>()) is { } target) pending.Push(target);
            }
        }
        return null;
    }

    /// <summary>
    /// Walks the pointer's tokens from the root, following a local `$ref` wherever the node reached holds one and not
    /// the next token; the pointer of the node reached (without any `$ref` on the way), or null.
    /// </summary>
    private static string? Walk(JsonNode root, string pointer, int hops)
    {
        var path = new List<string>();
        JsonNode? node = root;
        foreach (var token in JsonPointers.Tokens(pointer))
        {
            while (node is JsonObject obj && !obj.ContainsKey(token) && obj["$ref"] is JsonValue value
                   && value.TryGetValue<string>(out var next) && PointerOf(next) is { } target)
            {
                if (++hops > MostHops) return null;
                var resolved = Walk(root, target, hops);
                if (resolved is null) return null;
                path = JsonPointers.Tokens(resolved).ToList();
                node = JsonPointers.Resolve(root, resolved);
            }
            node = JsonPointers.Step(node, token);
            if (node is null) return null;
            path.Add(token);
        }
        return path.Count == 0 ? "" : "/" + string.Join('/', path.Select(JsonPointers.Escape));
    }

    /// <summary>The JSON Pointer a local `$ref` names (its fragment, percent-decoded), or null for any other reference.</summary>
    private static string? PointerOf(string reference) =>
        reference.StartsWith("#/", StringComparison.Ordinal) || reference == "#" ? Uri.UnescapeDataString(reference[1..]) : null;

    /// <summary>A pointer as a `$ref`: each token percent-encoded where a URI fragment needs it.</summary>
    private static string Fragment(string pointer) =>
        "#" + string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Keywords whose values are data, not schemas: a `$ref` inside them is an example's text.</summary>
    private static readonly HashSet<string> Data = ["example", "examples", "enum", "const", "default"];

    /// <summary>Keywords whose values map names to schemas: there a key such as `example` names a property.</summary>
    private static readonly HashSet<string> Maps = ["properties", "patternProperties", "$defs", "definitions", "schemas"];

    /// <summary>Every object holding a string `$ref`, with its pointer, outside examples and enumerations (which are data).</summary>
    private static IEnumerable<(JsonObject Holder, string At)> References(JsonNode start, string at)
    {
        var pending = new Stack<(JsonNode Node, string At, bool IsMap)>([(start, at, false)]);
        while (pending.Count > 0)
        {
            var (node, pointer, isMap) = pending.Pop();
            switch (node)
            {
                // A schema with an $id of its own is a resource: a "#/..." inside it points into it, not into the document.
                case JsonObject resource when !isMap && !ReferenceEquals(resource, start) && resource["$id"] is JsonValue id && id.TryGetValue<string>(out _):
                    break;
                case JsonObject obj:
                    if (!isMap && obj["$ref"] is JsonValue value && value.TryGetValue<string>(out _)) yield return (obj, pointer);
                    foreach (var (key, child) in obj)
                        if (child is not null && (isMap || !Data.Contains(key)))
                            pending.Push((child, $"{pointer}/{JsonPointers.Escape(key)}", !isMap && Maps.Contains(key)));
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                        if (array[i] is { } child) pending.Push((child, $"{pointer}/{i}", false));
                    break;
            }
        }
    }
}
