namespace Conformance.Certificates;

/// <summary>
/// Reads a file that should be small (a certificate, a key) only up to a bound, in that much memory: a file past it is
/// refused before it is read, whatever it is (a regular file, a pipe, a device).
/// </summary>
public static class BoundedFile
{
    /// <summary>The most a certificate may be: its statement is a few kilobytes.</summary>
    public const int MostCertificateBytes = 1024 * 1024;

    /// <summary>The most a PEM key file may be: an ECDSA P-256 key is a few hundred bytes.</summary>
    public const int MostKeyBytes = 64 * 1024;

    /// <exception cref="ConfigurationException">The file cannot be read, or is larger than <paramref name="most"/> bytes.</exception>
    public static byte[] Read(string path, int most, string what)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (file.CanSeek && file.Length > most) throw TooLarge(path, most, what);
            var buffer = new byte[Math.Min(most + 1L, file.CanSeek ? file.Length + 1 : most + 1L)];
            var read = 0;
            for (int n; read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0;) read += n;
            if (read > most) throw TooLarge(path, most, what);
            return buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"Cannot read the {what} {path}: {e.Message}");
        }
    }

    /// <summary>Hex SHA-256 of a file of any size, read as a stream.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read.</exception>
    public static string Sha256(string path, string what)
    {
        try
        {
            using var file = File.OpenRead(path);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"Cannot read the {what} {path}: {e.Message}");
        }
    }

    private static ConfigurationException TooLarge(string path, int most, string what) =>
        new($"The {what} {path} is larger than {most / 1024} KB, more than any {what} this harness writes: it is not read.");
}
