using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>
/// What an OpenAPI 3 document says of OAuth2: its scheme, the scopes the scheme declares, and, per operation, the sets
/// of scopes that let a token through (security requirements are alternatives; the scopes within one are all needed).
/// </summary>
public static class OAuth2Security
{
    /// <summary>The name of the document's OAuth2 security scheme, or null where it has none.</summary>
    public static string? Scheme(Spec spec) =>
        (spec.Root["components"]?["securitySchemes"] as JsonObject ?? [])
        .FirstOrDefault(s => s.Value is JsonObject scheme && JsonText.Of(scheme["type"]) == "oauth2").Key;

    /// <summary>Every scope the scheme's flows declare, in the order they are declared.</summary>
    public static List<string> Scopes(Spec spec, string scheme) =>
        (spec.Root["components"]?["securitySchemes"]?[scheme]?["flows"] as JsonObject ?? [])
        .SelectMany(f => f.Value?["scopes"] as JsonObject ?? []).Select(s => s.Key).Distinct().ToList();

    /// <summary>
    /// The scope sets of the operation's requirements that name the scheme (its own security, else the document's);
    /// empty where no requirement names it. An empty set among them leaves the operation open to any token.
    /// </summary>
    public static List<IReadOnlySet<string>> Alternatives(Spec spec, string method, string path, string scheme)
    {
        var requirements = spec.Root["paths"]?[path]?[method.ToLowerInvariant()]?["security"] as JsonArray ?? spec.Root["security"] as JsonArray ?? [];
        return requirements.OfType<JsonObject>().Where(r => r.ContainsKey(scheme))
            .Select(r => (IReadOnlySet<string>)(r[scheme] as JsonArray ?? []).Select(JsonText.Of).OfType<string>().ToHashSet(StringComparer.Ordinal))
            .ToList();
    }
}
