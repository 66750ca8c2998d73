using Conformance.Door;
using Conformance.Reference.Defects;
using Conformance.Standards;

namespace Conformance.Reference;

/// <summary>The reference implementations the harness ships, by standard id, with defects applied if asked.</summary>
public static class ReferenceImplementations
{
    public static IReadOnlyCollection<string> Standards { get; } = ["oruk-3.0", "hsds-3.0", "open311-georeport-v2"];

    public static ReferenceServer Start(StandardCatalogue catalogue, string standardId, int? port = null, IEnumerable<Defect>? defects = null,
        bool admin = false)
    {
        var data = Path.Combine(catalogue.Root, standardId, "reference");
        Open311Service? open311 = null;
        Handler handler = standardId switch
        {
            "oruk-3.0" => new OpenReferralService(ReferenceData.Load(data)).Handle,
            "hsds-3.0" => new OpenReferralService(
                ReferenceData.Load(data, Path.Combine(catalogue.Root, "oruk-3.0", "reference")), organizations: true).Handle,
            "open311-georeport-v2" => (open311 = new Open311Service(Open311Data.Load(data))).Handle,
            _ => throw new ProfileException(
                $"There is no reference implementation for '{standardId}' (available: {string.Join(", ", Standards)})."),
        };
        // The port is chosen first, so a defect that names the server's own address knows it.
        var chosen = port ?? ReferenceServer.FreePort();
        var at = new Uri($"http://127.0.0.1:{chosen}");
        foreach (var defect in defects ?? [])
        {
            if (defect.Standard != standardId)
                throw new ConfigurationException($"Defect '{defect.Name}' is for {defect.Standard}, not {standardId}.");
            handler = defect.Apply(handler);
            if (defect.ApplyAt is { } applyAt) handler = applyAt(at)(handler);
        }
        var server = ReferenceServer.Start(handler, chosen, admin);
        if (open311 is not null) open311.BaseUrl = server.Url; // the discovery document names the server's own address
        return server;
    }

    /// <summary>How a front end gives the door the reference implementations: each started on a free port of 127.0.0.1.</summary>
    public static ReferenceStarter Starter(StandardCatalogue catalogue) => standard =>
    {
        var server = Start(catalogue, standard);
        return new StartedReference(new Uri(server.Url), server);
    };

    /// <summary>Starts a given Open311 service (e.g. one serving several jurisdictions), its address made known to it.</summary>
    public static ReferenceServer StartOpen311(Open311Service service, int? port = null)
    {
        var server = ReferenceServer.Start(service.Handle, port);
        service.BaseUrl = server.Url;
        return server;
    }
}
