using Conformance.Door;
using Conformance.Reference.Defects;
using Conformance.Standards;

namespace Conformance.Reference;

/// <summary>The reference implementations the harness ships, by standard id, with defects applied if asked.</summary>
public static class ReferenceImplementations
{
    public static IReadOnlyCollection<string> Standards { get; } = ["oruk-3.0", "hsds-3.0", "open311-georeport-v2", "npp-1.0"];

    /// <summary>The references behind OAuth2 client credentials: a run against one is given the reference's own client.</summary>
    private static readonly IReadOnlyCollection<string> Secured = ["npp-1.0"];

    public static ReferenceServer Start(StandardCatalogue catalogue, string standardId, int? port = null, IEnumerable<Defect>? defects = null,
        bool admin = false)
    {
        var data = Path.Combine(catalogue.Root, standardId, "reference");
        if (Secured.Contains(standardId)) return StartParking(catalogue, standardId, data, port, defects ?? [], admin);
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
            if (defect.Around is not null)
                throw new ConfigurationException($"Defect '{defect.Name}' changes a gate, and the {standardId} reference has none.");
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
        return new StartedReference(new Uri(server.Url), server, server.Client?.Auth, server.Client?.Environment());
    };

    /// <summary>Starts a given Open311 service (e.g. one serving several jurisdictions), its address made known to it.</summary>
    public static ReferenceServer StartOpen311(Open311Service service, int? port = null)
    {
        var server = ReferenceServer.Start(service.Handle, port);
        service.BaseUrl = server.Url;
        return server;
    }

    /// <summary>
    /// A parking platform (APDS records) behind its OAuth2 server; defects change the platform's answers, inside the gate.
    /// The server carries the client a run uses when it is given none.
    /// </summary>
    private static ReferenceServer StartParking(StandardCatalogue catalogue, string standardId, string data, int? port, IEnumerable<Defect> defects, bool admin)
    {
        var profile = catalogue.Load(standardId);
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(profile.TranscriptionPath))!;
        var clients = Parking.OAuth2Server.LoadClients(Path.Combine(data, "clients.json"));
        RequestHandler platform = new Parking.ParkingService(Parking.ParkingData.Load(data)).Handle;
        var chosen = port ?? ReferenceServer.FreePort();
        var at = new Uri($"http://127.0.0.1:{chosen}");
        foreach (var defect in defects)
        {
            if (defect.Standard != standardId)
                throw new ConfigurationException($"Defect '{defect.Name}' is for {defect.Standard}, not {standardId}.");
            platform = RequestHandlers.Lift(defect.Apply, platform);
            if (defect.ApplyAt is { } applyAt) platform = RequestHandlers.Lift(applyAt(at), platform);
        }
        var gated = new Parking.OAuth2Server(clients, document).Guard(platform);
        foreach (var defect in defects.Where(d => d.Around is not null)) gated = defect.Around!(gated);
        var server = ReferenceServer.Start(gated, chosen, admin);
        server.Client = ReferenceClient.For(clients[0], server.Url);
        return server;
    }
}
