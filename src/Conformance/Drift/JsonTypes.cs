namespace Conformance.Drift;

/// <summary>
/// The JSON types a schema allows, as a set. An integer is a number, so a set holding <see cref="Number"/> holds
/// every integer too (<see cref="JsonTypeSets.Covers"/>).
/// </summary>
[Flags]
public enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
    /// <summary>Every type (integers are numbers).</summary>
    Any = Null | Boolean | Object | Array | Number | String,
}

public static class JsonTypeSets
{
    private static readonly (JsonTypes Type, string Name)[] Names =
    [
        (JsonTypes.Null, "null"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Object, "object"), (JsonTypes.Array, "array"),
        (JsonTypes.Number, "number"), (JsonTypes.Integer, "integer"), (JsonTypes.String, "string"),
    ];

    public static JsonTypes Parse(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        "file" => JsonTypes.String, // Swagger 2.0 formData files: bytes, sent as a string
        _ => JsonTypes.Any, // not a JSON Schema type (ORUK 3.0's "time"): it says nothing
    };

    /// <summary>The set with integer folded into number where number is there, so equal sets are written alike.</summary>
    public static JsonTypes Normal(JsonTypes types) => types.HasFlag(JsonTypes.Number) ? types & ~JsonTypes.Integer : types;

    /// <summary>Every value of <paramref name="inner"/> is a value of <paramref name="outer"/>.</summary>
    public static bool Covers(JsonTypes outer, JsonTypes inner) => (inner & ~Expand(outer)) == 0;

    /// <summary>The types of <paramref name="inner"/> that <paramref name="outer"/> does not allow.</summary>
    public static JsonTypes Beyond(JsonTypes inner, JsonTypes outer) => Normal(inner & ~Expand(outer));

    /// <summary>Both allow a value of some type (an integer where one says integer and the other number).</summary>
    public static bool Overlap(JsonTypes a, JsonTypes b) => (Expand(a) & Expand(b)) != 0;

    /// <summary>The values both allow.</summary>
    public static JsonTypes Intersect(JsonTypes a, JsonTypes b) => Normal(Expand(a) & Expand(b));

    public static string Describe(JsonTypes types) =>
        Normal(types) == JsonTypes.Any ? "any type"
        : types == JsonTypes.None ? "no value"
        : string.Join(" or ", Names.Where(n => Normal(types).HasFlag(n.Type)).Select(n => n.Name));

    private static JsonTypes Expand(JsonTypes types) => types.HasFlag(JsonTypes.Number) ? types | JsonTypes.Integer : types;
}
