using System.Security.Cryptography;
using Conformance.Certificates;

namespace Conformance.Tests.Certificates;

public class SigningKeysTests
{
    private static string NewDir() => Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}");

    [Test]
    public void A_pair_is_written_as_pem_and_the_private_key_is_readable_by_its_owner_only()
    {
        var pair = SigningKeys.Generate(NewDir());
        using var signing = SigningKeys.LoadPrivate(pair.PrivateKeyPath);
        using var checking = SigningKeys.LoadPublic(pair.PublicKeyPath);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(pair.PrivateKeyPath), Does.StartWith("-----BEGIN PRIVATE KEY-----"));
            Assert.That(File.ReadAllText(pair.PublicKeyPath), Does.StartWith("-----BEGIN PUBLIC KEY-----"));
            Assert.That(SigningKeys.KeyId(signing), Is.EqualTo(pair.KeyId).And.EqualTo(SigningKeys.KeyId(checking)));
            Assert.That(checking.VerifyData("x"u8, signing.SignData("x"u8, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256), Is.True);
        });
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(pair.PrivateKeyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Existing_keys_are_never_overwritten()
    {
        var dir = NewDir();
        var first = SigningKeys.Generate(dir);
        var before = File.ReadAllText(first.PrivateKeyPath);
        Assert.That(() => SigningKeys.Generate(dir), Throws.InstanceOf<ConfigurationException>().With.Message.Contains("never overwritten"));
        Assert.That(File.ReadAllText(first.PrivateKeyPath), Is.EqualTo(before));
    }

    [Test]
    public void A_public_key_will_not_sign()
    {
        var pair = SigningKeys.Generate(NewDir());
        Assert.That(() => SigningKeys.LoadPrivate(pair.PublicKeyPath), Throws.InstanceOf<ConfigurationException>().With.Message.Contains("holds a public key"));
    }

    [Test]
    public void A_key_on_another_curve_a_file_that_is_no_key_and_a_missing_file_are_refused_saying_so()
    {
        var dir = Directory.CreateDirectory(NewDir()).FullName;
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var other = Path.Combine(dir, "p384.pem");
        File.WriteAllText(other, p384.ExportPkcs8PrivateKeyPem());
        var text = Path.Combine(dir, "notes.pem");
        File.WriteAllText(text, "hello");
        Assert.Multiple(() =>
        {
            Assert.That(() => SigningKeys.LoadPrivate(other), Throws.InstanceOf<ConfigurationException>().With.Message.Contains("not an ECDSA P-256 private key"));
            Assert.That(() => SigningKeys.LoadPublic(text), Throws.InstanceOf<ConfigurationException>().With.Message.Contains("not an ECDSA P-256 public key"));
            Assert.That(() => SigningKeys.LoadPrivate(Path.Combine(dir, "absent.pem")), Throws.InstanceOf<ConfigurationException>().With.Message.Contains("Cannot read the private key"));
        });
    }
}
