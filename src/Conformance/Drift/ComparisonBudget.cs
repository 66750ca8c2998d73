namespace Conformance.Drift;

/// <summary>
/// How many schema-to-schema comparisons one drift comparison may make. `anyOf` branches are tried against each other,
/// so a hostile document nesting them could ask for more comparisons than there are atoms; past the budget the rest is
/// reported once as not compared (an error, never a pass), and the comparison ends in seconds.
/// </summary>
internal sealed class ComparisonBudget
{
    public const int Comparisons = 1_000_000;

    private int _left = Comparisons;
    private int _announced;

    public bool Spend() => Interlocked.Decrement(ref _left) >= 0;

    /// <summary>True once, the first time it is asked after the budget ran out: that is said once, where it happened.</summary>
    public bool RanOutNow() => Volatile.Read(ref _left) < 0 && Interlocked.Exchange(ref _announced, 1) == 0;
}
