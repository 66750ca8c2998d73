using System.Net;
using System.Security.Cryptography;
using Conformance.Clients;
using Conformance.Door;
using Conformance.Standards;

namespace Conformance.Reference.StandIns;

/// <summary>
/// The stand-ins the harness ships, by standard: each the standard's reference implementation in a session of its own
/// (what the client creates is kept, to be read back), issuing the client fresh credentials, served by
/// <see cref="StandInServer"/>. How a front end gives the door stand-ins.
/// </summary>
public sealed class StandIns(StandardCatalogue catalogue) : IStandInHosting
{
    public static IReadOnlyCollection<string> Standards { get; } = ["open311-georeport-v2"];

    public StandInParts Prepare(Profile profile, Scenario scenario)
    {
        var data = Path.Combine(catalogue.Root, profile.Id, "reference");
        switch (profile.Id)
        {
            case "open311-georeport-v2":
                // A key of this session alone: a client that sends any other is told so (403), and judged for it.
                var key = "standin-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
                var service = new Open311Service(Open311Data.Load(data)) { ApiKey = key, KeepsCreated = true };
                return new StandInParts(new HandlerReference(service.Handle, url => service.BaseUrl = url.GetLeftPart(UriPartial.Authority)),
                    new Dictionary<string, string> { ["api_key"] = key },
                    new Dictionary<string, string> { ["jurisdiction_id"] = Open311Data.JurisdictionId });
            default:
                throw new ProfileException($"There is no stand-in for '{profile.Id}' yet (available: {string.Join(", ", Standards)}).");
        }
    }

    public StartedStandIn Serve(StandInSession session, IPAddress listen, int? port)
    {
        var server = StandInServer.Start(session, listen, port);
        return new StartedStandIn(server.Url, server);
    }
}
