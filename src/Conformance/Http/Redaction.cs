namespace Conformance.Http;

/// <summary>Keeps secrets out of reports: headers that usually carry credentials are recognised by name.</summary>
public static class Redaction
{
    private static readonly string[] Sensitive = ["authorization", "api-key", "apikey", "x-api-key", "cookie", "token", "secret", "key"];

    /// <summary>Secrets this short would mask ordinary text; none of a real credential's length is.</summary>
    private const int ShortestSecret = 4;

    /// <summary>
    /// Replaces every secret in a text with ***, as written raw, URL-escaped, JSON-escaped or XML-escaped:
    /// servers echo keys back (in links, in errors), so masking the request alone is not enough.
    /// </summary>
    public static string Mask(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length >= ShortestSecret).OrderByDescending(s => s.Length))
            foreach (var form in new[]
                     {
                         secret, Uri.EscapeDataString(secret), System.Text.Json.JsonEncodedText.Encode(secret).ToString(),
                         System.Security.SecurityElement.Escape(secret),
                     }.Distinct())
                text = text.Replace(form, "***", StringComparison.Ordinal);
        return text;
    }

    public static bool IsSensitive(string header) =>
        Sensitive.Any(s => header.Contains(s, StringComparison.OrdinalIgnoreCase));
}
