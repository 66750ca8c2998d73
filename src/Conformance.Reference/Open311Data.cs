using System.Text.Json.Nodes;
using Conformance.Evidence;

namespace Conformance.Reference;

/// <summary>The records an Open311 GeoReport v2 reference serves, read from standards/open311-georeport-v2/reference/.</summary>
public sealed class Open311Data
{
    public const string JurisdictionId = "harbourside.example";

    public required IReadOnlyList<JsonObject> Services { get; init; }
    public required IReadOnlyList<JsonObject> Definitions { get; init; }
    public required IReadOnlyList<JsonObject> Requests { get; init; }
    public required IReadOnlyList<JsonObject> Tokens { get; init; }
    public required JsonObject Discovery { get; init; }

    public static Open311Data Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Reference data folder '{directory}' does not exist.");
        JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(directory, file)))
                                      ?? throw new InvalidDataException($"{file} is empty.");
        List<JsonObject> Records(string file) => Read(file).AsArray().OfType<JsonObject>().ToList();
        return new Open311Data
        {
            Services = Records("services.json"),
            Definitions = Records("service_definitions.json"),
            Requests = Records("requests.json"),
            Tokens = Records("tokens.json"),
            Discovery = Read("discovery.json").AsObject(),
        };
    }
}
