using Conformance.Clients.Checks;

namespace Conformance.Clients;

/// <summary>Every check of a client the stand-in has, in the order results are reported. Profiles cite them by id in `side: client` clauses.</summary>
public static class ClientCheckCatalogue
{
    public static IReadOnlyList<ClientCheck> All { get; } =
    [
        new RequestOperationCheck(),
        new RequestParametersCheck(),
        new RequestContentTypeCheck(),
        new RequestAuthCheck(),
        new RequestReferencesCheck(),
        new RequestAttributesCheck(),
        new HonoursRetryAfterCheck(),
        new BoundedRetriesCheck(),
        new ScenarioCompleteCheck(),
    ];

    public static IReadOnlyCollection<string> Ids { get; } = All.Select(c => c.Id).ToHashSet();
}
