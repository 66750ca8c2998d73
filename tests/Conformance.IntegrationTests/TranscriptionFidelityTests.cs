using System.Text.Json.Nodes;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>
/// Our transcriptions (ORUK 3.0, HSDS 3.0, Open311 GeoReport v2, NPP 1.0.1, APDS 4.0) must say what the published documents say (with the profile's errata
/// applied): the same operations and parameters, and, field by field through every response schema, the
/// same properties, types, formats, enums and required lists. Drift on either side fails here.
/// </summary>
public class TranscriptionFidelityTests
{
    /// <summary>Standard id, the published document and the prefix→folder mapping of its remote schemas.</summary>
    private static readonly object[] Standards =
    [
        new object[] { "oruk-3.0", "oruk-3.0/openapi.json", "https://raw.githubusercontent.com/openreferral/uk-profile/main/", "oruk-3.0/uk-profile" },
        new object[] { "hsds-3.0", "hsds-3.0/schema/openapi.json", "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/", "hsds-3.0/schema" },
        new object[] { "open311-georeport-v2", "open311-georeport-v2/schema/georeport-v2/swagger.json", "", "" },
        new object[] { "npp-1.0", "apds-npp/npp/apds4.yaml", "", "" },
    ];

    private static (Spec Ours, Spec Published, RefMap Map) Load(string standard, string document, string prefix, string folder)
    {
        var map = new RefMap();
        if (prefix.Length > 0) map.Add(prefix, SharedFolder.Upstream(folder.Split('/'))); // Open311 is one self-contained file
        var ours = ConformanceRun.Prepare(standard, null, new FetchPolicy(map), ConformanceRun.DefaultCatalogue()).Spec;
        var published = ConformanceRun.Prepare(standard, SharedFolder.Upstream(document.Split('/')), new FetchPolicy(map), ConformanceRun.DefaultCatalogue()).Spec;
        return (ours, published, map);
    }

    [TestCaseSource(nameof(Standards))]
    public void Same_operations_and_parameters(string standard, string document, string prefix, string folder)
    {
        var (ours, published, _) = Load(standard, document, prefix, folder);
        Assert.That(ours.Operations.Select(o => o.Id), Is.EquivalentTo(published.Operations.Select(o => o.Id)));
        static IEnumerable<string> Facts(IEnumerable<Conformance.Specs.SpecParameter> parameters) =>
            parameters.Select(p => $"{p.Name} in {p.In}, required {p.Required}, allows [{string.Join(", ", p.Enum ?? [])}]");
        foreach (var operation in published.Operations)
            Assert.That(Facts(ours.Find(operation.Method, operation.Path)!.Parameters), Is.EquivalentTo(Facts(operation.Parameters)), operation.Id);
    }

    [TestCaseSource(nameof(Standards))]
    public void Same_fields_types_formats_enums_and_required_in_every_response_schema(string standard, string document, string prefix, string folder)
    {
        var (ours, published, map) = Load(standard, document, prefix, folder);
        var differences = new List<string>();
        foreach (var operation in published.Operations)
        {
            foreach (var response in operation.Responses)
            foreach (var content in response.Content.Where(c => c.SchemaPointer is not null))
            {
                var theirs = new Resolver(published.Root, published.Location, map);
                var mine = new Resolver(ours.Root, ours.Location, map);
                // Swagger 2.0 has one schema per response; its `examples` keys (application/xml) add media types we do not copy.
                var contents = ours.Find(operation.Method, operation.Path)!.ResponseFor(int.Parse(response.StatusCode))!.Content;
                var counterpart = (contents.FirstOrDefault(c => c.MediaType == content.MediaType)
                                   ?? (published.OpenApiVersion.StartsWith('2') ? contents[0] : throw new AssertionException($"{operation.Id}: no {content.MediaType} in ours"))).SchemaPointer!;
                Compare(mine, mine.At(counterpart), theirs, theirs.At(content.SchemaPointer!), $"{operation.Id} {response.StatusCode}", differences, 0);
            }
        }
        Assert.That(differences, Is.Empty);
    }

    private static void Compare(Resolver mine, JsonObject? a, Resolver theirs, JsonObject? b, string at, List<string> differences, int depth)
    {
        (a, var mineNext) = mine.Follow(a);
        (b, var theirsNext) = theirs.Follow(b);
        if (depth > 12 || (a is null && b is null)) return;
        if (a is null || b is null) { differences.Add($"{at}: present on one side only"); return; }
        foreach (var keyword in new[] { "type", "format", "enum" })
            if (!JsonNode.DeepEquals(a[keyword], b[keyword]))
                differences.Add($"{at}: {keyword} is {a[keyword]?.ToJsonString() ?? "absent"} in ours, {b[keyword]?.ToJsonString() ?? "absent"} published");
        var requiredA = (a["required"] as JsonArray ?? []).Select(x => x!.ToString()).Order();
        var requiredB = (b["required"] as JsonArray ?? []).Select(x => x!.ToString()).Order();
        if (!requiredA.SequenceEqual(requiredB))
            differences.Add($"{at}: required [{string.Join(",", requiredA)}] in ours, [{string.Join(",", requiredB)}] published");
        var propertiesA = a["properties"] as JsonObject ?? [];
        var propertiesB = b["properties"] as JsonObject ?? [];
        foreach (var name in propertiesA.Select(p => p.Key).Union(propertiesB.Select(p => p.Key)))
            Compare(mineNext, propertiesA[name] as JsonObject, theirsNext, propertiesB[name] as JsonObject, $"{at}.{name}", differences, depth + 1);
        Compare(mineNext, a["items"] as JsonObject, theirsNext, b["items"] as JsonObject, $"{at}[]", differences, depth + 1);
        var allOfA = a["allOf"] as JsonArray ?? [];
        var allOfB = b["allOf"] as JsonArray ?? [];
        if (allOfA.Count != allOfB.Count) differences.Add($"{at}: allOf has {allOfA.Count} in ours, {allOfB.Count} published");
        for (var i = 0; i < Math.Min(allOfA.Count, allOfB.Count); i++)
            Compare(mineNext, allOfA[i] as JsonObject, theirsNext, allOfB[i] as JsonObject, $"{at}.allOf[{i}]", differences, depth + 1);
    }

    /// <summary>Follows $refs across the spec and the files it references (mapped to local copies).</summary>
    private sealed class Resolver(JsonNode root, Uri location, RefMap map)
    {
        public JsonObject? At(string pointer) => JsonPointers.Resolve(root, pointer) as JsonObject;

        public (JsonObject? Node, Resolver Next) Follow(JsonObject? node)
        {
            var current = this;
            for (var hops = 0; node?["$ref"]?.ToString() is { } reference && hops < 10; hops++)
            {
                if (reference.StartsWith('#'))
                {
                    node = current.At(Uri.UnescapeDataString(reference[1..]));
                    continue;
                }
                var target = new Uri(current.Location, reference);
                var document = target.GetLeftPart(UriPartial.Query) == current.Location.GetLeftPart(UriPartial.Query)
                    ? current
                    : new Resolver(JsonNode.Parse(File.ReadAllText(target.IsFile ? target.LocalPath : map.MapToFile(target)!))!,
                        new Uri(target.GetLeftPart(UriPartial.Query)), map);
                node = target.Fragment.Length > 1 ? document.At(Uri.UnescapeDataString(target.Fragment[1..])) : document.Root as JsonObject;
                current = document;
            }
            return (node, current);
        }

        public JsonNode Root => root;
        public Uri Location => location;
    }
}
