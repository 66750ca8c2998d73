using System.Text.Json.Serialization;
using System.Text.Json;

namespace Conformance.Standards;

/// <summary>A profile value written as one string or as a list of them (`field: name` or `field: [a, b]`).</summary>
public sealed class OneOrMany : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? [reader.GetString()!]
            : JsonSerializer.Deserialize<List<string>>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
