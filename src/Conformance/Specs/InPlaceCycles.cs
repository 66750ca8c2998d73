using System.Text.Json;
using Json.Schema;

namespace Conformance.Specs;

/// <summary>
/// Finds a cycle of references that never descends into the instance: `self: {allOf: [{$ref: self}]}`, or
/// `{$dynamicAnchor: node, $dynamicRef: "#node"}`. Evaluating one applies the same schema to the same value
/// forever, and the stack overflow that ends it cannot be caught in .NET, so it is found in the built schema
/// before anything is evaluated. Only in-place applicators close such a cycle; a cycle that passes through
/// `properties`, `items` and the like descends into the instance, ends with it, and is fine.
/// </summary>
public static class InPlaceCycles
{
    /// <summary>The keywords that apply their subschemas to the very value their schema is applied to.</summary>
    private static readonly HashSet<string> InPlace =
    [
        "$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "dependentSchemas", "dependencies", "propertyDependencies",
    ];

    /// <summary>The schemas the first such cycle goes through (e.g. "…#/components/schemas/self → …#/components/schemas/self/allOf/0"), or null.</summary>
    public static string? Find(JsonSchemaNode root)
    {
        var nodes = Reachable(root);
        var dynamicAnchors = nodes.SelectMany(n => n.Keywords.Where(k => k.Handler.Name is "$dynamicAnchor" && Text(k) is not null)
                .Select(k => (Name: Text(k)!, Node: n)))
            .ToLookup(a => a.Name, a => a.Node);
        var recursiveAnchors = nodes.Where(n => n.Keywords.Any(k => k.Handler.Name == "$recursiveAnchor" && k.RawValue.ValueKind == JsonValueKind.True)).ToList();

        IEnumerable<JsonSchemaNode> Next(JsonSchemaNode node)
        {
            foreach (var keyword in node.Keywords.Where(k => InPlace.Contains(k.Handler.Name)))
            {
                foreach (var sub in keyword.Subschemas ?? []) yield return sub;
                // A dynamic reference is resolved while evaluating, through the dynamic scope: any schema declaring the
                // anchor it names may be its target, so each is taken as one.
                if (keyword.Handler.Name == "$dynamicRef" && Text(keyword) is { } reference && reference.LastIndexOf('#') is var hash and >= 0)
                    foreach (var target in dynamicAnchors[reference[(hash + 1)..]]) yield return target;
                if (keyword.Handler.Name == "$recursiveRef")
                    foreach (var target in recursiveAnchors.Append(ResourceRoot(nodes, node.BaseUri)).OfType<JsonSchemaNode>()) yield return target;
            }
        }

        // Depth-first over in-place edges only, without recursion; a node met again on the current path closes a cycle.
        var done = new HashSet<JsonSchemaNode>(ReferenceEqualityComparer.Instance);
        foreach (var start in nodes)
        {
            if (done.Contains(start)) continue;
            var path = new List<JsonSchemaNode>();
            var onPath = new HashSet<JsonSchemaNode>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<IEnumerator<JsonSchemaNode>>();
            Enter(start);
            while (stack.Count > 0)
            {
                if (!stack.Peek().MoveNext())
                {
                    stack.Pop().Dispose();
                    var left = path[^1];
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(left);
                    done.Add(left);
                    continue;
                }
                var next = stack.Peek().Current;
                if (onPath.Contains(next))
                    return string.Join(" → ", path.Skip(path.FindIndex(n => ReferenceEquals(n, next))).Append(next).Select(Name));
                if (!done.Contains(next)) Enter(next);
            }

            void Enter(JsonSchemaNode node)
            {
                path.Add(node);
                onPath.Add(node);
                stack.Push(Next(node).GetEnumerator());
            }
        }
        return null;
    }

    /// <summary>Every node the root reaches through any keyword, descending or not.</summary>
    private static List<JsonSchemaNode> Reachable(JsonSchemaNode root)
    {
        var seen = new HashSet<JsonSchemaNode>(ReferenceEqualityComparer.Instance) { root };
        var order = new List<JsonSchemaNode> { root };
        for (var i = 0; i < order.Count; i++)
            foreach (var sub in order[i].Keywords.SelectMany(k => k.Subschemas ?? []))
                if (seen.Add(sub)) order.Add(sub);
        return order;
    }

    private static string? Text(KeywordData keyword) =>
        keyword.RawValue.ValueKind == JsonValueKind.String ? keyword.RawValue.GetString() : null;

    private static JsonSchemaNode? ResourceRoot(List<JsonSchemaNode> nodes, Uri baseUri) =>
        nodes.FirstOrDefault(n => n.BaseUri == baseUri && PathOf(n).Length == 0);

#pragma warning disable CS0618 // the library marks the path from the resource root "advanced usage": naming a schema is such a use
    private static string PathOf(JsonSchemaNode node) => node.PathFromResourceRoot.ToString();
#pragma warning restore CS0618

    private static string Name(JsonSchemaNode node) => $"{node.BaseUri}#{PathOf(node)}";
}
