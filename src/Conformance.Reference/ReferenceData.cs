using System.Text.Json.Nodes;

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

    public static ReferenceData Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Reference data folder '{directory}' does not exist.");
        return new ReferenceData
        {
            Root = Read(directory, "root.json").AsObject(),
            Services = Records(directory, "services.json"),
            Taxonomies = Records(directory, "taxonomies.json"),
            TaxonomyTerms = Records(directory, "taxonomy_terms.json"),
        };
    }

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
