namespace Conformance.Door;

/// <summary>What a front end asks of a stand-in (the CLI's flags, a test's arguments); the door holds each number to its limit.</summary>
public sealed record StandInOverrides
{
    public required string Standard { get; init; }
    /// <summary>The scenario to play; null: the one the profile names (client.scenario).</summary>
    public string? Scenario { get; init; }
    /// <summary>The address to listen on, an IP address: 127.0.0.1 unless told otherwise (0.0.0.0 for every interface).</summary>
    public string Listen { get; init; } = "127.0.0.1";
    /// <summary>The port; null: a free one.</summary>
    public int? Port { get; init; }
    public double? ForSeconds { get; init; }
    public double? UntilIdleSeconds { get; init; }
    public int? MaxRequests { get; init; }
    public int? MaxBodyMb { get; init; }
}
