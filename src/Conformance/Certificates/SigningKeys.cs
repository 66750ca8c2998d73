using System.Security.Cryptography;

namespace Conformance.Certificates;

/// <summary>
/// The key pair a vendor signs certificates with: ECDSA P-256 in PEM files, the private key as unencrypted PKCS#8 readable
/// by its owner only, the public key as a SubjectPublicKeyInfo that openssl, cosign and the like read. Keys are never
/// overwritten: a lost private key is a new identity, and a replaced one would orphan every certificate already given.
/// </summary>
public static class SigningKeys
{
    public const string PrivateKeyFile = "signing-key.pem";
    public const string PublicKeyFile = "signing-key.pub.pem";
    private const string P256 = "1.2.840.10045.3.1.7";

    public sealed record Pair(string PrivateKeyPath, string PublicKeyPath, string KeyId);

    public static Pair Generate(string directory)
    {
        var dir = Directory.CreateDirectory(directory).FullName;
        var (privatePath, publicPath) = (Path.Combine(dir, PrivateKeyFile), Path.Combine(dir, PublicKeyFile));
        if (new[] { privatePath, publicPath }.FirstOrDefault(File.Exists) is { } existing)
            throw new ConfigurationException($"{existing} already exists: keys are never overwritten (move it away, or choose another --out).");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Write(privatePath, key.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
        Write(publicPath, key.ExportSubjectPublicKeyInfoPem(), ownerOnly: false);
        return new Pair(privatePath, publicPath, KeyId(key));
    }

    /// <summary>A private key to sign with, or a <see cref="ConfigurationException"/> saying why the file will not do.</summary>
    public static ECDsa LoadPrivate(string path)
    {
        var key = Load(path, "private");
        try
        {
            key.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new ConfigurationException($"{path} holds a public key; signing needs the private one ({PrivateKeyFile} from 'conformance keygen').");
        }
        return key;
    }

    public static ECDsa LoadPublic(string path) => Load(path, "public");

    /// <summary>
    /// The key to verify with, from a file that should hold the public key. Given the private key instead, the public key
    /// is derived from it (and <paramref name="derived"/> is true, so the caller can say so): the private part is dropped.
    /// </summary>
    public static ECDsa LoadVerifying(string path, out bool derived)
    {
        var key = Load(path, "public");
        try
        {
            key.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException)
        {
            derived = false;
            return key; // a public key, as asked
        }
        using (key)
        {
            var publicOnly = ECDsa.Create();
            publicOnly.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
            derived = true;
            return publicOnly;
        }
    }

    /// <summary>Hex SHA-256 of the public key's SubjectPublicKeyInfo: the same for the private and the public file.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    private static ECDsa Load(string path, string kind)
    {
        var pem = System.Text.Encoding.UTF8.GetString(BoundedFile.Read(path, BoundedFile.MostKeyBytes, $"{kind} key"));
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(false).Curve.Oid.Value != P256)
                throw new CryptographicException("the curve is not P-256");
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ConfigurationException($"{path} is not an ECDSA P-256 {kind} key in PEM ({e.Message.TrimEnd('.')}); make a pair with 'conformance keygen --out DIR'.");
        }
    }

    private static void Write(string path, string pem, bool ownerOnly)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Created with the mode rather than narrowed after: the private key is never readable by others, not even for a moment.
        if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options);
        writer.Write(pem);
        writer.Write('\n');
    }
}
