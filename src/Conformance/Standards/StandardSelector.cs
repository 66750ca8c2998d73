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

    public static Choice Choose(JsonNode? root, IReadOnlyCollection<Profile> installed)
    {
        var ids = installed.Select(p => p.Id).ToHashSet();
        var version = (root as JsonObject)?["version"] is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim() : null;
        var openapiUrl = (root as JsonObject)?["openapi_url"] is JsonValue u && u.TryGetValue<string>(out var url) ? url.Trim() : null;
        var ukUrl = openapiUrl is not null && Regex.IsMatch(openapiUrl, "openreferraluk|uk-profile", RegexOptions.IgnoreCase);

        if (version is not null && MajorMinor(version) is { } number)
        {
            var uk = version.StartsWith("HSDS-UK-", StringComparison.OrdinalIgnoreCase) || ukUrl;
            foreach (var candidate in uk ? [$"oruk-{number}"] : new[] { $"hsds-{number}", $"oruk-{number}" })
                if (ids.Contains(candidate))
                    return new Choice(candidate, $"The / document gives version '{version}'{(uk && !version.StartsWith("HSDS-UK-", StringComparison.OrdinalIgnoreCase) ? $" and a UK openapi_url ({openapiUrl})" : "")}.");
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
        var said = version is null && openapiUrl is null ? "names neither a version nor an openapi_url"
            : $"names no installed standard (version '{version ?? "none"}', openapi_url '{openapiUrl ?? "none"}')";
        return new Choice(Fallback, $"The / document {said}; like the ORUK validator, the harness falls back to ORUK 1.0.");
    }

    /// <summary>"HSDS-UK-3.0" / "V3.0.1" / ".../specifications/3.0/openapi.json" → "3.0".</summary>
    private static string? MajorMinor(string text) =>
        Regex.Match(text, @"(?<![\d.])(\d+)\.(\d+)") is { Success: true } m ? $"{m.Groups[1].Value}.{m.Groups[2].Value}" : null;
}
