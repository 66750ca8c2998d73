namespace Conformance.Http;

/// <summary>Keeps secrets out of reports: headers that usually carry credentials are recognised by name.</summary>
public static class Redaction
{
    private static readonly string[] Sensitive = ["authorization", "api-key", "apikey", "x-api-key", "cookie", "token", "secret", "key"];

    public static bool IsSensitive(string header) =>
        Sensitive.Any(s => header.Contains(s, StringComparison.OrdinalIgnoreCase));
}
