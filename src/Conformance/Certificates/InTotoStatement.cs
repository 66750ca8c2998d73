using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Certificates;

/// <summary>
/// An in-toto Statement v1 (in-toto/attestation, spec/v1/statement.md): the artefacts it is about (subject, each with a
/// digest), what kind of claim it makes (predicateType, a URI) and the claim (predicate). It travels as a DSSE payload
/// of type <see cref="PayloadType"/>.
/// </summary>
public sealed record InTotoStatement(IReadOnlyList<InTotoStatement.Subject> Subjects, string PredicateType, JsonObject Predicate)
{
    public const string Type = "https://in-toto.io/Statement/v1";
    public const string PayloadType = "application/vnd.in-toto+json";

    /// <param name="Sha256">Lowercase hex.</param>
    public sealed record Subject(string Name, string Sha256);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["_type"] = Type,
        ["subject"] = new JsonArray(Subjects.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["digest"] = new JsonObject { ["sha256"] = s.Sha256 } }).ToArray()),
        ["predicateType"] = PredicateType,
        ["predicate"] = Predicate.DeepClone(),
    }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }); // "+" and "'" as themselves, for people reading the payload

    /// <summary>
    /// Reads a statement strictly (UTF-8 JSON, no key given twice); anything else is a <see cref="FormatException"/>
    /// saying what is wrong.
    /// </summary>
    public static InTotoStatement Parse(byte[] payload)
    {
        JsonObject statement;
        try
        {
            var root = JsonDocument.Parse(payload, DsseEnvelope.Strict).RootElement;
            statement = root.ValueKind == JsonValueKind.Object ? JsonObject.Create(root)! : throw new FormatException("the payload is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the payload is not JSON read strictly ({e.Message})", e);
        }
        if (Text(statement, "_type") != Type) throw new FormatException($"the payload is not an in-toto Statement v1 (its _type is '{statement["_type"]}')");
        var subjects = (statement["subject"] as JsonArray ?? throw new FormatException("the statement has no subject list"))
            .Select(s => s is JsonObject subject && subject["digest"] is JsonObject digest
                ? new Subject(subject["name"] is null ? "" : Text(subject, "name"), digest["sha256"] is null ? "" : Text(digest, "sha256"))
                : throw new FormatException("a subject of the statement has no digest")).ToList();
        return new InTotoStatement(subjects, Text(statement, "predicateType"),
            statement["predicate"] as JsonObject ?? throw new FormatException("the statement has no predicate object"));
    }

    private static string Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new FormatException($"the statement's '{name}' is missing or not a string");
}
