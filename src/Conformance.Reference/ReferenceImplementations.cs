using Conformance.Standards;

namespace Conformance.Reference;

/// <summary>The reference implementations the harness ships, by standard id.</summary>
public static class ReferenceImplementations
{
    public static IReadOnlyCollection<string> Standards { get; } = ["oruk-3.0", "hsds-3.0", "open311-georeport-v2"];

    public static ReferenceServer Start(StandardCatalogue catalogue, string standardId, int? port = null)
    {
        var data = Path.Combine(catalogue.Root, standardId, "reference");
        return standardId switch
        {
            "oruk-3.0" => ReferenceServer.Start(new OpenReferralService(ReferenceData.Load(data)).Handle, port),
            "hsds-3.0" => ReferenceServer.Start(new OpenReferralService(
                ReferenceData.Load(data, Path.Combine(catalogue.Root, "oruk-3.0", "reference")), organizations: true).Handle, port),
            "open311-georeport-v2" => StartOpen311(new Open311Service(Open311Data.Load(data)), port),
            _ => throw new ProfileException(
                $"There is no reference implementation for '{standardId}' (available: {string.Join(", ", Standards)})."),
        };
    }

    /// <summary>Open311's discovery document names the server's own address, known once it listens.</summary>
    public static ReferenceServer StartOpen311(Open311Service service, int? port = null)
    {
        var server = ReferenceServer.Start(service.Handle, port);
        service.BaseUrl = server.Url;
        return server;
    }
}
