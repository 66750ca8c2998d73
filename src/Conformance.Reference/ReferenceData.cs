using System.Text.Json.Nodes;
using Conformance.Evidence;

namespace Conformance.Reference;

/// <summary>
/// The records a reference implementation serves, read from standards/ID/reference/: full records as the
/// /{id} endpoints return them; list forms are projected from these.
/// </summary>
public sealed class ReferenceData
{
    public required JsonObject Root { get; init; }
    public required IReadOnlyList<JsonObject> Services { get; init; }
    public required IReadOnlyList<JsonObject> Taxonomies { get; init; }
    public required IReadOnlyList<JsonObject> TaxonomyTerms { get; init; }

    /// <summary>
    /// Reads a standard's reference folder. Its root.json is its own; the records may live in another
    /// standard's folder (HSDS 3.0 serves the same records as ORUK 3.0, its UK profile).
    /// </summary>
    public static ReferenceData Load(string directory, string? recordsDirectory = null)
    {
        recordsDirectory ??= directory;
        foreach (var folder in new[] { directory, recordsDirectory })
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException($"Reference data folder '{folder}' does not exist.");
        return new ReferenceData
        {
            Root = Read(directory, "root.json").AsObject(),
            Services = Records(recordsDirectory, "services.json"),
            Taxonomies = Records(recordsDirectory, "taxonomies.json"),
            TaxonomyTerms = Records(recordsDirectory, "taxonomy_terms.json"),
        };
    }

    /// <summary>Each organization that provides a service, with its services nested (as HSDS's /organizations/{id}).</summary>
    public IEnumerable<JsonObject> Organizations() =>
        Services.Where(s => s["organization"] is JsonObject)
            .GroupBy(s => s["organization"]!["id"]!.ToString())
            .Select(group =>
            {
                var organization = (JsonObject)group.First()["organization"]!.DeepClone();
                organization["services"] = new JsonArray(group.Select(s => (JsonNode)Projection.OneToOne(s)).ToArray());
                return organization;
            });

    /// <summary>Each service at each of its locations, with the service and location nested.</summary>
    public IEnumerable<JsonObject> ServiceAtLocations() =>
        Services.SelectMany(service => (service["service_at_locations"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(link =>
            {
                var full = (JsonObject)link.DeepClone();
                var nested = (JsonObject)service.DeepClone();
                nested.Remove("service_at_locations");
                full["service"] = nested;
                return full;
            }));

    private static JsonNode Read(string directory, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, file)))
        ?? throw new InvalidDataException($"{file} is empty.");

    private static List<JsonObject> Records(string directory, string file) =>
        Read(directory, file).AsArray().OfType<JsonObject>().ToList();
}
