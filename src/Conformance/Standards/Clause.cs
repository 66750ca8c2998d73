namespace Conformance.Standards;

/// <summary>One rule of a standard, in our words, with where it comes from and the checks that verify it.</summary>
public sealed class Clause
{
    public required string Id { get; init; }
    public required Level Level { get; init; }
    public required string Statement { get; init; }
    public required string Source { get; init; }
    public IReadOnlyList<string> Checks { get; init; } = [];
    /// <summary>Whom the rule binds: the server (every rule until clients were judged) or a client of the standard.</summary>
    public Side Side { get; init; } = Side.Server;

    /// <summary>A clause that no check automates is reported as manual, never hidden.</summary>
    public bool IsManual => Checks.Count == 0;
}

/// <summary>The party to an exchange a rule binds: the server answering, or the client asking (judged by the stand-in).</summary>
public enum Side { Server, Client }
