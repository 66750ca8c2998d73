using Conformance.Standards;

namespace Conformance.Drift;

/// <summary>What a standard's profile adds to the comparison: which endpoints it requires, and its pagination convention.</summary>
public sealed record DriftScope(Func<string, bool> IsRequired, Pagination? Pagination)
{
    public static DriftScope Everything { get; } = new(_ => true, null);

    public static DriftScope Of(Profile profile) => new(path => profile.TierOf(path) == Tier.Required, profile.Pagination);
}
