using System.Text.Json.Nodes;
using Conformance.Reference;

namespace Conformance.IntegrationTests;

/// <summary>
/// Serves one of the ORUK validator's own mock feeds (Default, Warn, Fail) the way its MockController
/// does: one static file per endpoint, whatever the id or page asked for.
/// </summary>
public static class ValidatorFeed
{
    private static readonly (string Path, string File)[] Routes =
    [
        ("/services/", "service_full.json"),
        ("/services", "service_list.json"),
        ("/taxonomies/", "taxonomy.json"),
        ("/taxonomies", "taxonomy_list.json"),
        ("/taxonomy_terms/", "taxonomy_term.json"),
        ("/taxonomy_terms", "taxonomy_term_list.json"),
        ("/service_at_locations/", "service_at_location_full.json"),
        ("/service_at_locations", "service_at_location_list.json"),
    ];

    public static ReferenceServer Start(string feed)
    {
        var folder = SharedFolder.Upstream("oruk-validator", "Mocks", $"V3.0-UK-{feed}");
        return ReferenceServer.Start((_, path, _) =>
        {
            var file = path is "/" or "" ? "api_details.json"
                : Routes.FirstOrDefault(r => r.Path.EndsWith('/') ? path.StartsWith(r.Path) : path == r.Path).File;
            return file is null
                ? ReferenceResponse.Error(404, $"No mock for {path}.")
                : ReferenceResponse.Ok(JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)))!);
        });
    }
}
