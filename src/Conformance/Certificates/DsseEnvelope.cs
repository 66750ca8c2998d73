using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;

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
        return Signatures.Where(s => s.IsP256).Any(s =>
            key.VerifyData(signed, s.Sig, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            || key.VerifyData(signed, s.Sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public string ToJson() => new JsonObject
    {
        ["payloadType"] = PayloadType,
        ["payload"] = Convert.ToBase64String(Payload),
        ["signatures"] = new JsonArray(Signatures.Select(s => (JsonNode)new JsonObject { ["keyid"] = s.KeyId, ["sig"] = Convert.ToBase64String(s.Sig) }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>More signatures than any envelope needs: each costs a verification, so their number is bounded.</summary>
    public const int MostSignatures = 16;

    /// <summary>
    /// The envelope read strictly: JSON (UTF-8) with no key given twice, the three fields of their types, at most
    /// <see cref="MostSignatures"/> signatures. Anything else is a <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static DsseEnvelope Parse(ReadOnlySpan<byte> json)
    {
        JsonElement envelope;
        try
        {
            envelope = JsonDocument.Parse(json.ToArray(), Strict).RootElement;
        }
        catch (JsonException e)
        {
            throw new FormatException($"it is not JSON read strictly ({e.Message})", e);
        }
        if (envelope.ValueKind != JsonValueKind.Object) throw new FormatException("it is not a JSON object");
        if (!envelope.TryGetProperty("signatures", out var signatures) || signatures.ValueKind != JsonValueKind.Array)
            throw new FormatException("it has no 'signatures' list");
        if (signatures.GetArrayLength() == 0) throw new FormatException("its 'signatures' list is empty");
        if (signatures.GetArrayLength() > MostSignatures) throw new FormatException($"it has {signatures.GetArrayLength()} signatures, more than {MostSignatures}");
        return new DsseEnvelope(Text(envelope, "payloadType"), Base64(Text(envelope, "payload"), "payload"),
            signatures.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Object
                ? new DsseSignature(s.TryGetProperty("keyid", out _) ? Text(s, "keyid") : "", Base64(Text(s, "sig"), "sig"))
                : throw new FormatException("a signature is not a JSON object")).ToList());
    }

    public static DsseEnvelope Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>How certificates and their statements are read: a key given twice is refused, not taken first or last.</summary>
    internal static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    private static string Text(JsonElement node, string name)
    {
        if (!node.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            throw new FormatException($"'{name}' is missing or not a string");
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e) // a lone surrogate escape: not text
        {
            throw new FormatException($"'{name}' is not text ({e.Message})", e);
        }
    }

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
