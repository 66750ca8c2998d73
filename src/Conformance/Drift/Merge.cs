using System.Text.Json.Nodes;

namespace Conformance.Drift;

/// <summary>
/// `allOf` as one shape: a value must satisfy every part, so types and enums are intersected, properties and
/// required fields joined, and the tighter of two bounds kept.
/// </summary>
internal static class Merge
{
    /// <summary>A new shape that allows what both allow.</summary>
    public static Shape Both(Shape a, Shape b)
    {
        if (ReferenceEquals(a, b)) return a;
        var shape = new Shape { Origin = a.Origin };
        Into(shape, a);
        Into(shape, b);
        return shape;
    }

    /// <summary>Narrows <paramref name="target"/> (a shape being read) by what <paramref name="source"/> says.</summary>
    public static void Into(Shape target, Shape source)
    {
        target.Types = JsonTypeSets.Intersect(target.Types, source.Types);
        target.Format ??= source.Format;
        target.Enum = (target.Enum, source.Enum) switch
        {
            (null, null) => null,
            ({ } mine, null) => mine,
            (null, { } theirs) => [.. theirs.Select(v => v?.DeepClone())],
            ({ } mine, { } theirs) => mine.Where(v => theirs.Any(t => JsonNode.DeepEquals(v, t))).ToList(),
        };
        foreach (var (name, property) in source.Properties)
            target.Properties[name] = target.Properties.TryGetValue(name, out var earlier) ? Both(earlier, property) : property;
        target.Required.UnionWith(source.Required);
        target.AdditionalProperties = Combine(target.AdditionalProperties, source.AdditionalProperties);
        target.Items = Combine(target.Items, source.Items);
        target.Minimum = Max(target.Minimum, source.Minimum);
        target.ExclusiveMinimum = Max(target.ExclusiveMinimum, source.ExclusiveMinimum);
        target.Maximum = Min(target.Maximum, source.Maximum);
        target.ExclusiveMaximum = Min(target.ExclusiveMaximum, source.ExclusiveMaximum);
        target.MinLength = Max(target.MinLength, source.MinLength);
        target.MaxLength = Min(target.MaxLength, source.MaxLength);
        target.MinItems = Max(target.MinItems, source.MinItems);
        target.MaxItems = Min(target.MaxItems, source.MaxItems);
        target.Pattern ??= source.Pattern;
        target.Alternatives ??= source.Alternatives;
        target.ReadOnly |= source.ReadOnly;
        target.WriteOnly |= source.WriteOnly;
        target.Unresolved ??= source.Unresolved;
        target.Documentation ??= source.Documentation;
    }

    private static Shape? Combine(Shape? a, Shape? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => Both(a, b),
    };

    private static T? Max<T>(T? a, T? b) where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;

    private static T? Min<T>(T? a, T? b) where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;
}
