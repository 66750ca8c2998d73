namespace Conformance.Evidence;

/// <summary>
/// A group of requests a check sends only when the run opts in to it by <see cref="Name"/> (<c>--probe NAME</c>, a
/// flag of its own, or what a vendor profile declares), declared by the check itself (<c>Check.OptIn</c>): the
/// runner sends its requests only then, and knows the group by nothing but its name.
/// </summary>
public sealed record OptIn(string Name, string Description)
{
    /// <summary>Requests made to fail: an unknown id, an invalid page number (--negative).</summary>
    public const string Negative = "negative";

    /// <summary>The vendor declares an endpoint serving several jurisdictions (several_jurisdictions in a vendor profile).</summary>
    public const string SeveralJurisdictions = "several-jurisdictions";
}
