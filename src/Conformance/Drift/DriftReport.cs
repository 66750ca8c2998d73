namespace Conformance.Drift;

/// <summary>What a comparison found, and which of the standard's operations it compared.</summary>
public sealed record DriftReport(IReadOnlyList<Difference> Differences, IReadOnlyList<string> Operations, IReadOnlyList<string> Notes)
{
    public IEnumerable<Difference> Breaking => Differences.Where(d => d.Rule.Kind == DriftKind.Breaking);
}
