using System.Net;
using Conformance.Clients;
using Conformance.Standards;

namespace Conformance.Door;

/// <summary>
/// How a front end gives the door stand-ins (Conformance.Reference's StandIns): the reference implementation of a
/// standard with the credentials it issues a client, and a server that feeds a session what its client sends. The
/// library knows neither: the reference implementations live outside it.
/// </summary>
public interface IStandInHosting
{
    /// <summary>The standard's reference, playing a stand-in, and what it issues: credentials (secret) and values (not).</summary>
    StandInParts Prepare(Profile profile, Scenario scenario);

    /// <summary>Serves the session on the address and port (null: a free one) until disposed.</summary>
    StartedStandIn Serve(StandInSession session, IPAddress listen, int? port);
}

public sealed record StandInParts(IStandInReference Reference, IReadOnlyDictionary<string, string> Credentials, IReadOnlyDictionary<string, string> Values);

/// <summary>A stand-in serving: the URL its client uses, and what stops it.</summary>
public sealed record StartedStandIn(Uri Url, IDisposable Server);
