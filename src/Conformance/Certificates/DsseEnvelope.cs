using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Certificates;

/// <summary>
/// A DSSE envelope (secure-systems-lab/dsse): a payload, its type, and signatures over <see cref="Pae"/> of the two.
/// Signatures are ECDSA P-256 with SHA-256, DER-encoded as Sigstore and in-toto tools write them; a raw r‖s signature
/// (the DSSE specification's own test vector) is accepted too.
/// </summary>
public sealed record DsseEnvelope(string PayloadType, byte[] Payload, IReadOnlyList<DsseSignature> Signatures)
{
    public static DsseEnvelope Sign(string payloadType, byte[] payload, ECDsa key) =>
        new(payloadType, payload, [new DsseSignature(SigningKeys.KeyId(key), key.SignData(Pae.Encode(payloadType, payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))]);

    /// <summary>Whether any signature verifies with the key over this payload and payload type.</summary>
    public bool IsSignedBy(ECDsa key)
    {
        var signed = Pae.Encode(PayloadType, Payload);
        return Signatures.Any(s => key.VerifyData(signed, s.Sig, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                                   || key.VerifyData(signed, s.Sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public string ToJson() => new JsonObject
    {
        ["payloadType"] = PayloadType,
        ["payload"] = Convert.ToBase64String(Payload),
        ["signatures"] = new JsonArray(Signatures.Select(s => (JsonNode)new JsonObject { ["keyid"] = s.KeyId, ["sig"] = Convert.ToBase64String(s.Sig) }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Reads the JSON envelope; anything that is not one is a <see cref="FormatException"/> saying what is wrong.</summary>
    public static DsseEnvelope Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"it is not JSON ({e.Message})", e);
        }
        if (node is not JsonObject envelope) throw new FormatException("it is not a JSON object");
        var signatures = envelope["signatures"] as JsonArray ?? throw new FormatException("it has no 'signatures' list");
        if (signatures.Count == 0) throw new FormatException("its 'signatures' list is empty");
        return new DsseEnvelope(Text(envelope, "payloadType"), Base64(Text(envelope, "payload"), "payload"),
            signatures.Select(s => s is JsonObject signature
                ? new DsseSignature(signature["keyid"] is null ? "" : Text(signature, "keyid"), Base64(Text(signature, "sig"), "sig"))
                : throw new FormatException("a signature is not a JSON object")).ToList());
    }

    private static string Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new FormatException($"'{name}' is missing or not a string");

    /// <summary>DSSE lets a signer use standard or URL-safe base64, padded or not; a verifier must take both.</summary>
    private static byte[] Base64(string text, string name)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException e)
        {
            throw new FormatException($"'{name}' is not base64", e);
        }
    }
}
