namespace Conformance.Http;

/// <summary>Keeps secrets out of reports: values of headers that usually carry credentials are masked.</summary>
public static class Redaction
{
    private static readonly string[] Sensitive = ["authorization", "api-key", "apikey", "x-api-key", "cookie", "token", "secret", "key"];

    public static string Redact(string header, string value) =>
        Sensitive.Any(s => header.Contains(s, StringComparison.OrdinalIgnoreCase)) ? "***" : value;
}
