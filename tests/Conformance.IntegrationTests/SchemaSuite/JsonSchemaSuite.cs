using System.Text.Json.Nodes;
using System.Text;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.IntegrationTests.SchemaSuite;

/// <summary>
/// Runs the official JSON Schema Test Suite through the path a real run takes: each group's schema is put
/// under components/schemas of an OpenAPI 3.1 document, the document is loaded by SpecLoader (remote refs
/// to localhost:1234 mapped to the suite's remotes folder, as --ref-map would), and each test's data is
/// judged by ResponseSchemaCheck as the body of a 200 answer.
/// </summary>
public static class JsonSchemaSuite
{
    public sealed record Case(string File, string Group, string Test, bool Valid, bool? Judged, string? Problem)
    {
        public string Name => $"{File} | {Group} | {Test}";
        public bool Agrees => Judged == Valid;
    }

    public static string? Root => SharedFolder.Root is { } shared ? Path.Combine(shared, "json-schema-test-suite") : null;

    /// <param name="draft">Folder under tests/, e.g. "draft2020-12".</param>
    /// <param name="dialect">A $schema to add to each object schema that has none (draft 7 via $schema), or null.</param>
    public static List<Case> Run(string draft, string? dialect, string subfolder = "")
    {
        var suite = Root ?? throw new InvalidOperationException("The JSON Schema Test Suite is absent.");
        var work = Directory.CreateTempSubdirectory("schema-suite-");
        var refMap = new RefMap();
        refMap.Add("http://localhost:1234/", Path.Combine(suite, "remotes"));
        var cases = new List<Case>();
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(suite, "tests", draft, subfolder), "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var groups = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
                for (var g = 0; g < groups.Count; g++)
                    cases.AddRange(RunGroup(name, g, groups[g]!.AsObject(), dialect, refMap, work.FullName));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
        return cases;
    }

    private static bool PointsAtItsOwnRoot(JsonNode schema) =>
        schema is JsonObject o && !o.ContainsKey("$id")
        && System.Text.RegularExpressions.Regex.IsMatch(o.ToJsonString(), "\"\\$(dynamicRef|ref)\"\\s*:\\s*\"#");

    private static IEnumerable<Case> RunGroup(string file, int index, JsonObject group, string? dialect, RefMap refMap, string work)
    {
        var description = group["description"]!.GetValue<string>();
        var schema = group["schema"]!.DeepClone();
        if (dialect is not null && schema is JsonObject o && !o.ContainsKey("$schema")) o.Insert(0, "$schema", dialect);
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = $"{file}: {description}", ["version"] = "1" },
            ["paths"] = new JsonObject
            {
                ["/subject"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "the data under test",
                                ["content"] = new JsonObject
                                {
                                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/subject" } },
                                },
                            },
                        },
                    },
                },
            },
        };
        var path = Path.Combine(work, $"{file}-{index}.json");
        if (PointsAtItsOwnRoot(schema))
        {
            // Inside an OpenAPI document a schema without $id shares the document's base URI, so its "#/..." refs would
            // point into the OpenAPI document (OpenAPI 3.1 §4.8.24.1.1). Such a schema is a document of its own,
            // referenced from the spec, as ORUK's and HSDS's schema files are.
            File.WriteAllText(Path.ChangeExtension(path, ".schema.json"), schema.ToJsonString());
            var reference = new JsonObject();
            if (schema["$schema"] is { } named) reference["$schema"] = named.DeepClone(); // the spec's author reads it in the same dialect
            reference["$ref"] = Path.GetFileName(Path.ChangeExtension(path, ".schema.json"));
            schema = reference;
        }
        document["components"] = new JsonObject { ["schemas"] = new JsonObject { ["subject"] = schema } };
        File.WriteAllText(path, document.ToJsonString());

        Spec spec;
        try
        {
            spec = new SpecLoader(new SpecSource(new FetchPolicy(refMap))).Load(path, []);
        }
        catch (Exception e)
        {
            return group["tests"]!.AsArray().Select(t => new Case(file, description, t!["description"]!.GetValue<string>(),
                t["valid"]!.GetValue<bool>(), null, $"spec refused: {e.GetType().Name}: {e.Message}")).ToList();
        }
        var context = new CheckContext(spec, GenericProfile.For(spec));
        var operation = spec.Find("GET", "/subject");
        var check = new ResponseSchemaCheck();
        var results = new List<Case>();
        foreach (var test in group["tests"]!.AsArray())
        {
            var valid = test!["valid"]!.GetValue<bool>();
            var testName = test["description"]!.GetValue<string>();
            if (operation is null)
            {
                results.Add(new Case(file, description, testName, valid, null, "the operation was not read"));
                continue;
            }
            var exchange = new Exchange
            {
                Operation = operation.Id, Purpose = "fetch", Method = "GET", Url = "http://suite.test/subject",
                RequestHeaders = [], Status = 200, ContentType = "application/json",
                Body = Encoding.UTF8.GetBytes(test["data"]?.ToJsonString() ?? "null"),
            };
            var run = new OperationRun(operation, Tier.Required, OperationRole.Other, [new SentRequest(exchange)]);
            try
            {
                var findings = check.Evaluate(run, context).ToList();
                var kind = findings.Count == 1 ? findings[0].Kind : (FindingKind?)null;
                results.Add(new Case(file, description, testName, valid,
                    kind switch { FindingKind.Satisfied => true, FindingKind.Violated => false, _ => null },
                    kind is FindingKind.Satisfied or FindingKind.Violated ? null : string.Join("; ", findings.Select(f => $"{f.Kind}: {f.Message}"))));
            }
            catch (Exception e)
            {
                results.Add(new Case(file, description, testName, valid, null, $"threw {e.GetType().Name}: {e.Message}"));
            }
        }
        return results;
    }
}
