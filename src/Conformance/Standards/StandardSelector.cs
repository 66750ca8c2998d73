using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Standards;

/// <summary>
/// --standard auto: choose a profile from the target's "/" document, as the ORUK validator does — by its
/// version (HSDS-UK-3.0 → ORUK 3.0), else by its openapi_url — and fall back to ORUK 1.0 when neither says.
/// </summary>
public static class StandardSelector
{
    public const string Fallback = "oruk-1.0";

    public sealed record Choice(string StandardId, string Reason);

    /// <param name="root">The / document, or null when none could be read.</param>
    /// <param name="unreadable">Why no / document could be read (status or transport error), for the reason.</param>
    public static Choice Choose(JsonNode? root, IReadOnlyCollection<Profile> installed, string? unreadable = null)
    {
        var ids = installed.Select(p => p.Id).ToHashSet();
        var version = Text(root, "version");
        var openapiUrl = Text(root, "openapi_url");
        // The UK profile says so in its profile URL as well as (or instead of) its version string.
        var ukUrl = new[] { openapiUrl, Text(root, "profile") }.Any(u => u is not null && Regex.IsMatch(u, "openreferraluk|uk-profile", RegexOptions.IgnoreCase));

        if (version is not null && MajorMinor(version) is { } number)
        {
            var uk = version.StartsWith("HSDS-UK-", StringComparison.OrdinalIgnoreCase) || ukUrl;
            foreach (var candidate in uk ? [$"oruk-{number}"] : new[] { $"hsds-{number}", $"oruk-{number}" })
                if (ids.Contains(candidate))
                    return new Choice(candidate, $"The / document gives version '{version}'{(uk && !version.StartsWith("HSDS-UK-", StringComparison.OrdinalIgnoreCase) ? " and names the UK profile" : "")}.");
            throw new ConfigurationException(
                $"The / document gives version '{version}', which no installed standard covers (installed: {string.Join(", ", ids.Order())}); give --standard.");
        }
        if (openapiUrl is not null)
        {
            if (installed.FirstOrDefault(p => string.Equals(p.Spec.Published, openapiUrl, StringComparison.OrdinalIgnoreCase)) is { } published)
                return new Choice(published.Id, $"The / document's openapi_url is {published.Id}'s published spec ({openapiUrl}).");
            if (MajorMinor(openapiUrl) is { } inUrl)
                foreach (var candidate in ukUrl ? [$"oruk-{inUrl}"] : new[] { $"hsds-{inUrl}", $"oruk-{inUrl}" })
                    if (ids.Contains(candidate))
                        return new Choice(candidate, $"The / document's openapi_url ({openapiUrl}) names version {inUrl}.");
        }
        var said = unreadable is not null ? $"could not be read ({unreadable})"
            : root is not JsonObject ? "is not a JSON object"
            : openapiUrl is null ? "names neither a version nor an openapi_url"
            : $"names no installed standard (openapi_url '{openapiUrl}')";
        return new Choice(Fallback, $"The / document {said}; like the ORUK validator, the harness falls back to ORUK 1.0.");
    }

    private static string? Text(JsonNode? root, string field) =>
        (root as JsonObject)?[field] is JsonValue v && v.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;

    /// <summary>"HSDS-UK-3.0" / "V3.0.1" / ".../specifications/3.0/openapi.json" → "3.0".</summary>
    private static string? MajorMinor(string text) =>
        Regex.Match(text, @"(?<![\d.])(\d+)\.(\d+)") is { Success: true } m ? $"{m.Groups[1].Value}.{m.Groups[2].Value}" : null;
}
