using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Conformance.Specs;

namespace Conformance.Vendors;

/// <summary>Reads and checks a vendor profile. Every problem names the file; an inline secret is refused.</summary>
public static class VendorProfileLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    // Keys that would hold a secret's value. The format only has *_env keys that name variables.
    private static readonly string[] SecretKeys = ["secret", "token", "password", "api_key", "apikey", "key", "value", "username"];

    public static VendorProfile Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException($"Vendor profile '{file}' does not exist.");
        VendorProfile profile;
        try
        {
            if (YamlToJson.Convert(File.ReadAllText(file)) is not JsonObject node)
                throw new ConfigurationException($"{file}: a vendor profile is a mapping of keys (vendor, product, standard, base_url, auth...).");
            if (node["auth"] is JsonObject auth && auth.FirstOrDefault(p => SecretKeys.Contains(p.Key.ToLowerInvariant())) is { Key: not null } inline)
                throw new ConfigurationException(
                    $"{file}: auth.{inline.Key} holds a secret inline; put it in an environment variable and name that variable (secret_env, username_env, password_env).");
            profile = node.Deserialize<VendorProfile>(Options) ?? throw new ConfigurationException($"{file}: the vendor profile is empty.");
        }
        catch (ConfigurationException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new ConfigurationException($"{file}: {e.Message}");
        }
        Validate(file, profile);
        return profile;
    }

    private static void Validate(string file, VendorProfile profile)
    {
        if (profile.Reference == (profile.BaseUrl is not null))
            throw new ConfigurationException($"{file}: give base_url, or reference: true for the built-in reference implementation (not both).");
        if (profile.BaseUrl is not null && !(Uri.TryCreate(profile.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new ConfigurationException($"{file}: base_url must be an absolute http or https URL, not '{profile.BaseUrl}'.");
        if (profile.Environment is not ("production" or "test"))
            throw new ConfigurationException($"{file}: environment must be 'production' or 'test', not '{profile.Environment}'.");
        var auth = profile.Auth;
        switch (auth.Type)
        {
            case "none":
                break;
            case "api-key" when (auth.Header is null) == (auth.Query is null) || auth.SecretEnv is null:
                throw new ConfigurationException($"{file}: auth type api-key needs secret_env and exactly one of header or query.");
            case "bearer" when auth.SecretEnv is null:
                throw new ConfigurationException($"{file}: auth type bearer needs secret_env.");
            case "basic" when auth.UsernameEnv is null || auth.PasswordEnv is null:
                throw new ConfigurationException($"{file}: auth type basic needs username_env and password_env.");
            case "api-key" or "bearer" or "basic":
                break;
            default:
                throw new ConfigurationException($"{file}: auth type must be none, api-key, bearer or basic, not '{auth.Type}'.");
        }
        foreach (var (path, state) in profile.Features)
            if (state is not ("implemented" or "not-implemented" or "unknown"))
                throw new ConfigurationException($"{file}: feature '{path}' must be implemented, not-implemented or unknown, not '{state}'.");
        var limits = profile.Limits;
        if (limits.RequestsPerSecond is <= 0 || limits.Concurrency is < 1 || limits.TimeoutSeconds is <= 0 || limits.MaxPages is < 1)
            throw new ConfigurationException($"{file}: limits must be positive (requests_per_second, concurrency, timeout_seconds, max_pages).");
    }
}
