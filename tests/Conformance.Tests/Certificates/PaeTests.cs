using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Conformance.Certificates;

namespace Conformance.Tests.Certificates;

/// <summary>The DSSE specification's own test vector (protocol.md, "Test Vectors"): its PAE bytes, and its envelope verified with its key.</summary>
public class PaeTests
{
    private const string VectorType = "http://example.com/HelloWorld";

    [Test]
    public void The_encoding_is_the_one_the_dsse_specification_prints() =>
        Assert.That(Encoding.ASCII.GetString(Pae.Encode(VectorType, "hello world"u8)), Is.EqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world"));

    [Test]
    public void Lengths_count_bytes_not_characters() =>
        Assert.That(Pae.Encode("t", Encoding.UTF8.GetBytes("é")), Is.EqualTo("DSSEv1 1 t 2 "u8.ToArray().Concat(Encoding.UTF8.GetBytes("é")).ToArray()));

    [Test]
    public void The_specifications_envelope_verifies_with_its_key_and_not_once_changed()
    {
        // The spec's P-256 key as decimal integers, and its envelope (a raw r‖s signature, standard base64).
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Bytes("46950820868899156662930047687818585632848591499744589407958293238635476079160"),
                Y = Bytes("5640078356564379163099075877009565129882514886557779369047442380624545832820"),
            },
        });
        const string envelope = """
            {"payload": "aGVsbG8gd29ybGQ=",
             "payloadType": "http://example.com/HelloWorld",
             "signatures": [{"sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="}]}
            """;
        var parsed = DsseEnvelope.Parse(envelope);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(parsed.Payload), Is.EqualTo("hello world"));
            Assert.That(parsed.IsSignedBy(key), Is.True);
            Assert.That((parsed with { PayloadType = "http://example.com/Other" }).IsSignedBy(key), Is.False, "the type is signed with the body");
            Assert.That((parsed with { Payload = "hello World"u8.ToArray() }).IsSignedBy(key), Is.False);
        });
    }

    [Test]
    public void Url_safe_unpadded_base64_is_read_as_the_specification_requires()
    {
        var parsed = DsseEnvelope.Parse("""{"payload": "-_8", "payloadType": "t", "signatures": [{"sig": "AA"}]}""");
        Assert.That(parsed.Payload, Is.EqualTo(new byte[] { 0xfb, 0xff }));
    }

    [TestCase("not json", "not JSON")]
    [TestCase("[]", "not a JSON object")]
    [TestCase("""{"payload": "AA==", "payloadType": "t"}""", "no 'signatures'")]
    [TestCase("""{"payload": "AA==", "payloadType": "t", "signatures": []}""", "empty")]
    [TestCase("""{"payload": "%%", "payloadType": "t", "signatures": [{"sig": "AA=="}]}""", "'payload' is not base64")]
    [TestCase("""{"payload": "AA==", "payloadType": 3, "signatures": [{"sig": "AA=="}]}""", "'payloadType' is missing or not a string")]
    [TestCase("""{"payload": "AA==", "payloadType": "t", "payloadType": "u", "signatures": [{"sig": "AA=="}]}""", "duplicate")]
    [TestCase("""{"payload": "AA==", "payloadType": "t\ud800", "signatures": [{"sig": "AA=="}]}""", "'payloadType' is not text")]
    [TestCase("""{"payload": "AA==", "payloadType": "t", "signatures": [{"sig": "AA==", "sig": "AA=="}]}""", "duplicate")]
    [TestCase("""{"payload": "AA==", "payloadType": "t", "signatures": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]}""", "17 signatures, more than 16")]
    public void Anything_but_an_envelope_is_refused_saying_why(string text, string reason) =>
        Assert.That(() => DsseEnvelope.Parse(text), Throws.InstanceOf<FormatException>().With.Message.Contains(reason).IgnoreCase);

    private static byte[] Bytes(string decimalValue)
    {
        var bytes = BigInteger.Parse(decimalValue).ToByteArray(isUnsigned: true, isBigEndian: true);
        return new byte[32 - bytes.Length].Concat(bytes).ToArray();
    }
}
