namespace Conformance.Specs;

/// <summary>
/// A problem with a published specification (not with the vendor): a parse error, an unresolvable
/// reference, or an erratum the profile applied. Reports list these apart from vendor findings.
/// </summary>
public sealed record SpecDiagnostic(string Kind, string Location, string Message)
{
    /// <summary>How many places the same problem was found in (<see cref="Location"/> names the first); the message says so too.</summary>
    public int Count { get; init; } = 1;

    /// <summary>For an erratum: which it is, and how it met the document (<see cref="ErrataSummary"/> tells them in one line); null otherwise.</summary>
    public string? ErratumId { get; init; }

    public ErratumUse? Use { get; init; }

    public const string Parse = "parse";
    public const string Reference = "reference";
    public const string Erratum = "erratum";
    /// <summary>A path the harness will not request: it has a dot segment, so it could leave the base URL's path.</summary>
    public const string Path = "path";
}
