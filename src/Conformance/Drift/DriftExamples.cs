using System.Text.Json.Nodes;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Drift;

/// <summary>The example documents of <see cref="DriftRules"/>, built and compared: what docs/drift.md shows and the tests judge.</summary>
public static class DriftExamples
{
    /// <summary>The example's standard against its supplier (<paramref name="equivalent"/> false) or against its equivalent rewrite.</summary>
    public static DriftReport Compare(DriftRule rule, bool equivalent = false) =>
        Compare(rule.Example, rule.Example.Standard, equivalent ? rule.Example.Equivalent : rule.Example.Supplier);

    public static DriftReport Compare(DriftExample example, string standard, string supplier)
    {
        var optional = example.OptionalPaths ?? [];
        var scope = new DriftScope(path => !optional.Contains(path), new Pagination());
        return DriftComparer.Compare(Contract(example.Frame, standard, "standard"), Contract(example.Frame, supplier, "supplier"), scope);
    }

    /// <summary>A fragment placed in its frame (or a whole document), as drift reads it; no `$ref` leaves the document.</summary>
    public static ApiContract Contract(ExampleFrame frame, string fragment, string name) =>
        ApiContract.Of(Document(frame, fragment), new Uri($"https://example.invalid/{name}.yaml"),
            address => throw new SpecLoadException($"'{address}' was not read: the examples read nothing beyond themselves."));

    public static JsonNode Document(ExampleFrame frame, string fragment)
    {
        var node = YamlToJson.Convert(fragment) ?? throw new InvalidOperationException("An example is empty.");
        if (node is JsonObject whole && (whole.ContainsKey("openapi") || whole.ContainsKey("swagger"))) return node;
        JsonObject Ok() => new() { ["description"] = "ok" };
        JsonObject Json(JsonNode schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };
        var paths = frame switch
        {
            ExampleFrame.Paths => node,
            ExampleFrame.OperationObject => new JsonObject { ["/things"] = new JsonObject { ["get"] = node } },
            ExampleFrame.ResponseSchema => new JsonObject
            {
                ["/things"] = new JsonObject { ["get"] = new JsonObject { ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok", ["content"] = Json(node) } } } },
            },
            ExampleFrame.Parameters => new JsonObject
            {
                ["/things"] = new JsonObject { ["get"] = new JsonObject { ["parameters"] = node, ["responses"] = new JsonObject { ["200"] = Ok() } } },
            },
            ExampleFrame.RequestSchema => new JsonObject
            {
                ["/things"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(node) },
                        ["responses"] = new JsonObject { ["201"] = new JsonObject { ["description"] = "Created." } },
                    },
                },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(frame)),
        };
        return new JsonObject { ["openapi"] = "3.0.3", ["info"] = new JsonObject { ["title"] = "example", ["version"] = "1" }, ["paths"] = paths };
    }

    /// <summary>Where a fragment goes, in words, for docs/drift.md.</summary>
    public static string Describe(ExampleFrame frame) => frame switch
    {
        ExampleFrame.Paths => "the document's `paths`",
        ExampleFrame.OperationObject => "the operation `GET /things`",
        ExampleFrame.ResponseSchema => "the JSON schema of `GET /things`' 200 response",
        ExampleFrame.Parameters => "the parameters of `GET /things`",
        ExampleFrame.RequestSchema => "the JSON schema of `POST /things`' required request body",
        _ => frame.ToString(),
    };
}
