using System.Net;
using Conformance.Clients;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Door;

/// <summary>
/// The one way a front end starts a stand-in (the CLI's stand-in, StandIn.StartAsync, the NUnit suites of clients): the
/// numbers held to their limits, the standard's profile, transcription and scenario loaded and shown to agree, the
/// reference prepared with what it issues, and the session served where asked (127.0.0.1 unless told otherwise). The
/// stand-in it opens waits for its client, judges it and writes the same reports and certificate as a run.
/// </summary>
public sealed class StandInDoor
{
    public required StandardCatalogue Catalogue { get; init; }
    public required IStandInHosting Hosting { get; init; }
    public Limits Limits { get; init; } = Limits.Standard;
    /// <summary>The checks a stand-in may use (those the profile's client clauses cite are used).</summary>
    public IReadOnlyList<ClientCheck> Checks { get; init; } = ClientCheckCatalogue.All;

    public OpenStandIn Open(StandInOverrides overrides)
    {
        Limits.Check(overrides);
        if (!IPAddress.TryParse(overrides.Listen, out var listen))
            throw new ConfigurationException($"--listen must be an IP address (127.0.0.1, or 0.0.0.0 for every interface), not '{overrides.Listen}'.");
        var profile = Catalogue.Load(overrides.Standard);
        var scenario = ScenarioLoader.Load(profile, overrides.Scenario);
        var spec = new SpecLoader(new SpecSource(new FetchPolicy()))
            .Load(profile.TranscriptionPath, profile.Errata, incorporatedErrata: profile.Errata.Select(e => e.Id).ToList());
        ProfileLoader.ValidateAgainst(profile, spec);
        var parts = Hosting.Prepare(profile, scenario);
        var settings = new StandInSettings
        {
            Credentials = parts.Credentials,
            Values = parts.Values,
            MaxRequests = overrides.MaxRequests ?? StandInSettings.DefaultMaxRequests,
            MaxBodyBytes = overrides.MaxBodyMb is { } mb ? mb * 1024L * 1024 : StandInSettings.DefaultMaxBodyBytes,
        };
        var session = new StandInSession(spec, profile, scenario, parts.Reference, settings);
        var started = Hosting.Serve(session, listen, overrides.Port);
        parts.Reference.ServedAt(started.Url);
        return new OpenStandIn(session, started, Checks, overrides.ForSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(scenario.TimeLimitSeconds),
            overrides.UntilIdleSeconds is { } idle ? TimeSpan.FromSeconds(idle) : null, IPAddress.IsLoopback(listen));
    }
}
