using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// The service definitions (Open311) among an operation's records: records holding a list of attribute objects.
/// Records without one are not service definitions, so these checks have nothing to say about them.
/// </summary>
public static class ServiceDefinitions
{
    public static IEnumerable<(Exchange Exchange, string Code, IReadOnlyList<JsonObject> Attributes)> In(OperationRun run, CheckContext context) =>
        OrdinaryRecords.Run(run, context.Profile.Pagination)
            .Where(x => x.Record["attributes"] is JsonArray)
            .Select(x => (x.Exchange, JsonText.Of(x.Record["service_code"]) ?? "(no service_code)",
                (IReadOnlyList<JsonObject>)((JsonArray)x.Record["attributes"]!).OfType<JsonObject>().ToList()));

    public static string CodeOf(JsonObject attribute) => JsonText.Of(attribute["code"]) ?? "(no code)";
}
