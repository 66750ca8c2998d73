using System.Globalization;

namespace Conformance.Drift;

/// <summary>
/// A lower or upper bound on a value, a length or a count, inclusive or not. On integers a bound that excludes x is
/// the bound that includes the next whole number (`exclusiveMinimum: 0` is `minimum: 1`).
/// </summary>
internal readonly record struct Bound(double Value, bool Exclusive)
{
    public static Bound? Of(long? value) => value is { } v ? new Bound(v, false) : null;

    public static Bound? Lower(Shape shape, bool integers) =>
        Tightest(shape.Minimum is { } m ? new Bound(m, false) : null,
            shape.ExclusiveMinimum is { } x ? integers ? new Bound(Math.Floor(x) + 1, false) : new Bound(x, true) : null, lower: true);

    public static Bound? Upper(Shape shape, bool integers) =>
        Tightest(shape.Maximum is { } m ? new Bound(m, false) : null,
            shape.ExclusiveMaximum is { } x ? integers ? new Bound(Math.Ceiling(x) - 1, false) : new Bound(x, true) : null, lower: false);

    /// <summary>Above 0 when <paramref name="narrow"/> lets through values <paramref name="wide"/> does not; below 0 when it lets through fewer.</summary>
    public static int CompareLower(Bound? narrow, Bound? wide) => (narrow, wide) switch
    {
        (null, null) => 0,
        (_, null) => -1,
        (null, _) => 1,
        ({ } n, { } w) when n.Value != w.Value => n.Value < w.Value ? 1 : -1,
        ({ } n, { } w) => n.Exclusive == w.Exclusive ? 0 : w.Exclusive ? 1 : -1,
    };

    public static int CompareUpper(Bound? narrow, Bound? wide) => (narrow, wide) switch
    {
        (null, null) => 0,
        (_, null) => -1,
        (null, _) => 1,
        ({ } n, { } w) when n.Value != w.Value => n.Value > w.Value ? 1 : -1,
        ({ } n, { } w) => n.Exclusive == w.Exclusive ? 0 : w.Exclusive ? 1 : -1,
    };

    public static string Describe(Shape shape)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null) parts.Add($"{name} {Convert.ToString(value, CultureInfo.InvariantCulture)}");
        }
        Add("minimum", shape.Minimum);
        Add("exclusiveMinimum", shape.ExclusiveMinimum);
        Add("maximum", shape.Maximum);
        Add("exclusiveMaximum", shape.ExclusiveMaximum);
        Add("minLength", shape.MinLength);
        Add("maxLength", shape.MaxLength);
        Add("minItems", shape.MinItems);
        Add("maxItems", shape.MaxItems);
        Add("pattern", shape.Pattern);
        return parts.Count == 0 ? "no bound" : string.Join(", ", parts);
    }

    private static Bound? Tightest(Bound? a, Bound? b, bool lower) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        ({ } x, { } y) => (lower ? CompareLower(x, y) : CompareUpper(x, y)) <= 0 ? x : y,
    };
}
