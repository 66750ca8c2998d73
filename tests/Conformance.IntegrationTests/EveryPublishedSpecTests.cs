using System.Text.Json;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>
/// Every OpenAPI or Swagger document in ../shared/standards-upstream loads without a crash, and every
/// response schema in it can be built or is reported as a diagnostic.
/// </summary>
public class EveryPublishedSpecTests
{
    private static IEnumerable<string> Documents()
    {
        var root = SharedFolder.Root is null ? null : Path.Combine(SharedFolder.Root, "standards-upstream");
        if (root is null) yield break;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json") || f.EndsWith(".yaml") || f.EndsWith(".yml")).Order())
        {
            var head = File.ReadAllText(file);
            if (head.Length < 2_000_000 && (head.Contains("\"openapi\"") || head.Contains("\"swagger\"") || head.StartsWith("openapi:") || head.StartsWith("swagger:")
                                            || head.Contains("\nopenapi:") || head.Contains("\nswagger:")))
                yield return Path.GetRelativePath(root, file);
        }
    }

    [Test]
    public void There_are_published_documents_to_try()
    {
        if (SharedFolder.Root is null) Assert.Ignore("../shared/standards-upstream is absent.");
        Assert.That(Documents().Count(), Is.GreaterThan(10));
    }

    [TestCaseSource(nameof(Documents))]
    public void It_loads_leniently(string relative)
    {
        var file = SharedFolder.Upstream(relative.Split(Path.DirectorySeparatorChar));
        Spec spec;
        try
        {
            spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(file, []);
        }
        catch (SpecLoadException e)
        {
            // Only documents that are not whole OpenAPI documents may be refused (profile overlays, fragments).
            Assert.That(e.Message, Does.Contain("not an OpenAPI").Or.Contain("could not be read as OpenAPI"), relative);
            return;
        }
        using var empty = JsonDocument.Parse("{}");
        foreach (var pointer in spec.Operations.SelectMany(o => o.Responses).SelectMany(r => r.Content).Select(c => c.SchemaPointer).OfType<string>())
        {
            var (schema, problem) = spec.Schemas.At(pointer);
            if (schema is not null) _ = schema.Evaluate(empty.RootElement, ResponseSchemas.Evaluation);
            else Assert.That(problem, Is.Not.Empty);
        }
    }
}
