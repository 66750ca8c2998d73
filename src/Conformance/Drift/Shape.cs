using System.Text.Json.Nodes;

namespace Conformance.Drift;

/// <summary>
/// A schema as drift compares it: the values it allows, written one way however the document wrote them. `$ref`s
/// are followed, `allOf` is merged into one shape, OpenAPI 3.0's `nullable` and 3.1's type lists both become a
/// type set holding null, `anyOf`/`oneOf` with a null branch become nullable, `const` an enum of one, boolean and
/// numeric `exclusiveMinimum` the same bound, and a schema that gives properties but no type is an object. Built
/// by <see cref="SchemaReader"/>; a shape is not changed once built, and one reached again through a `$ref` cycle
/// is the same object.
/// </summary>
public sealed class Shape
{
    public JsonTypes Types { get; internal set; } = JsonTypes.Any;
    public string? Format { get; internal set; }
    /// <summary>The values allowed, when the schema lists them; null when it does not.</summary>
    public List<JsonNode?>? Enum { get; internal set; }
    public Dictionary<string, Shape> Properties { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);
    /// <summary>What other properties may hold: null for anything, <see cref="Never"/> for none (a closed object).</summary>
    public Shape? AdditionalProperties { get; internal set; }
    /// <summary>What an array holds; null for anything.</summary>
    public Shape? Items { get; internal set; }
    public double? Minimum { get; internal set; }
    public double? Maximum { get; internal set; }
    public double? ExclusiveMinimum { get; internal set; }
    public double? ExclusiveMaximum { get; internal set; }
    public long? MinLength { get; internal set; }
    public long? MaxLength { get; internal set; }
    public long? MinItems { get; internal set; }
    public long? MaxItems { get; internal set; }
    public string? Pattern { get; internal set; }
    /// <summary>Branches of an `anyOf`/`oneOf` that could not be folded into one shape: a value matches one of them.</summary>
    public List<Shape>? Alternatives { get; internal set; }
    public bool ReadOnly { get; internal set; }
    public bool WriteOnly { get; internal set; }
    /// <summary>Why a `$ref` in this schema could not be read: the schema could not be judged.</summary>
    public string? Unresolved { get; internal set; }
    /// <summary>Descriptions, titles and examples, as one text: only a difference in documentation.</summary>
    public string? Documentation { get; internal set; }
    /// <summary>Where the shape was read from (a pointer, or a `$ref`), for cycles and messages.</summary>
    public string Origin { get; internal set; } = "";

    /// <summary>Set while the shape is being read: met again through a `$ref`, it is a cycle.</summary>
    internal bool Building { get; set; }

    /// <summary>The shape that allows nothing (`false`, `not: {}`).</summary>
    public static Shape Never => new() { Types = JsonTypes.None, Origin = "false" };

    public bool IsNever => Types == JsonTypes.None;

    public bool IsClosed => AdditionalProperties is { IsNever: true };

    public bool HasConstraints =>
        Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null || MinLength is not null
        || MaxLength is not null || MinItems is not null || MaxItems is not null || Pattern is not null;
}
