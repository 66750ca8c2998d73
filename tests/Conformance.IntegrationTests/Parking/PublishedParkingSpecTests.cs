using System.Text.Json;
using Conformance.Specs;

namespace Conformance.IntegrationTests.Parking;

/// <summary>
/// The published parking documents as their owners ship them: every operation read, every response schema usable,
/// and diagnostics only where the document itself is at fault.
/// </summary>
public class PublishedParkingSpecTests
{
    private static Spec Load(params string[] parts) => new SpecLoader(new SpecSource(new FetchPolicy(ModelFiles()))).Load(SharedFolder.Upstream(parts), []);

    /// <summary>The modular APDS document refers to ../models/*, outside its own folder: mapped, as --ref-map would.</summary>
    internal static RefMap ModelFiles()
    {
        var models = SharedFolder.Upstream("apds-npp", "apds", "api", "models");
        var map = new RefMap();
        map.Add(new Uri(models + "/").AbsoluteUri, models);
        return map;
    }

    private static void EverySchemaJudges(Spec spec)
    {
        using var empty = JsonDocument.Parse("{}");
        foreach (var pointer in spec.Operations.SelectMany(o => o.Responses).SelectMany(r => r.Content).Select(c => c.SchemaPointer).OfType<string>())
        {
            var (schema, problem) = spec.Schemas.At(pointer);
            Assert.That(schema, Is.Not.Null, problem);
            Assert.DoesNotThrow(() => schema!.Evaluate(empty.RootElement, ResponseSchemas.Evaluation), pointer);
        }
    }

    [Test]
    public void The_bundled_APDS_document_has_its_refs_through_refs_read_as_the_bundler_meant()
    {
        var spec = Load("apds-npp", "apds", "api", "reference", "APDS_API_bundled.json");
        Assert.That(spec.Operations, Has.Count.EqualTo(37));
        var through = spec.Diagnostics.Where(d => d.Message.Contains("points through another $ref")).ToList();
        Assert.That(through.Sum(d => d.Count), Is.EqualTo(68), "swagger-cli wrote 68 pointers that pass through a $ref (each told once with a count)");
        Assert.That(spec.Diagnostics.Except(through), Is.Empty, "nothing else is the document's fault");
        EverySchemaJudges(spec);
    }

    [Test]
    public void The_modular_APDS_document_loads_and_its_two_missing_model_files_are_diagnostics()
    {
        var spec = Load("apds-npp", "apds", "api", "reference", "APDS_API.yaml");
        Assert.That(spec.Operations, Has.Count.EqualTo(37));
        using var empty = JsonDocument.Parse("{}");
        var unusable = new List<string>();
        foreach (var pointer in spec.Operations.SelectMany(o => o.Responses).SelectMany(r => r.Content).Select(c => c.SchemaPointer).OfType<string>())
        {
            var (schema, problem) = spec.Schemas.At(pointer);
            if (schema is null) unusable.Add(problem!);
            else Assert.DoesNotThrow(() => schema.Evaluate(empty.RootElement, ResponseSchemas.Evaluation), pointer);
        }
        // GET /rights/specs (and /{id}, /quotes) reach the one, GET /sessions (and /{id}) the other: named in the apds-4.0 errata.
        Assert.That(unusable, Has.Count.EqualTo(5));
        Assert.That(unusable.All(p => p.Contains("AssignedRightTimeRelative.yaml' does not exist") || p.Contains("VehicleAncilliaryIdentification.yaml' does not exist")),
            string.Join("\n", unusable));
    }

    [Test]
    public void The_NPP_document_loads_with_its_33_operations()
    {
        var spec = Load("apds-npp", "npp", "apds4.yaml");
        Assert.That(spec.Operations, Has.Count.EqualTo(33));
        // Its one fault the reader sees: AssignedRightTimeRelative discriminates on metaType without requiring it.
        Assert.That(spec.Diagnostics.Select(d => d.Location), Is.EqualTo(new[] { "/components/schemas/AssignedRightTimeRelative/discriminator" }));
        EverySchemaJudges(spec);
    }

    [Test]
    public void Every_NPP_erratum_applies_to_the_published_document()
    {
        var errata = Conformance.Running.ConformanceRun.DefaultCatalogue().Load("npp-1.0").Errata;
        var spec = new SpecLoader(new SpecSource(new FetchPolicy())).Load(SharedFolder.Upstream("apds-npp", "npp", "apds4.yaml"), errata);
        var applied = spec.Diagnostics.Where(d => d.Kind == SpecDiagnostic.Erratum).Select(d => d.Message).ToList();
        Assert.That(applied, Has.Count.EqualTo(errata.Count));
        Assert.That(applied, Is.All.Contain(" applied: "), string.Join("\n", applied));
    }
}
