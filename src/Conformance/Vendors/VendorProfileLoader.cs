using System.Text.Json.Nodes;
using Conformance.Specs;

namespace Conformance.Vendors;

/// <summary>
/// Reads and checks a vendor profile. Every problem names the file; an inline secret is refused. Its limits are numbers
/// here: the door holds them to their ranges, as it does the same values given as flags.
/// </summary>
public static partial class VendorProfileLoader
{
    // Keys under auth that would hold a secret's value. The format only has *_env keys that name variables.
    private static readonly string[] SecretKeys = ["secret", "token", "password", "api_key", "apikey", "key", "value", "username"];

    /// <summary>The keys whose values are parameter values: read as the text written (091620000000 keeps its 0, 2024-01-01 stays a date).</summary>
    private static readonly string[] ValueMaps = ["path_parameters", "query_parameters", "header_parameters", "operation_parameters"];

    public static VendorProfile Load(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException($"Vendor profile '{file}' does not exist.");
        static Exception Fail(string message, Exception? inner) => new ConfigurationException(message);
        var node = YamlDocuments.ReadMapping(file, "vendor, product, standard, base_url, auth...", Fail,
            asText: path => path.Count > 1 && ValueMaps.Contains(path[0]));
        if (node["auth"] is JsonObject auth && auth.FirstOrDefault(p => SecretKeys.Contains(p.Key.ToLowerInvariant())) is { Key: not null } inline)
            throw new ConfigurationException(
                $"{file}: auth.{inline.Key} holds a secret inline; put it in an environment variable and name that variable (secret_env, username_env, password_env).");
        var profile = YamlDocuments.Deserialize<VendorProfile>(file, node, Fail);
        Validate(file, profile);
        profile.Source = file;
        if (profile.OpenApiUrl is { } document && !IsWebAddress(document))
        {
            // A file the council was handed: read from beside the profile, so the profile means the same from any folder.
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, document));
            if (!File.Exists(path))
                throw new ConfigurationException($"{file}: openapi_url names the file '{document}', which does not exist (give an http(s) URL or a path from the profile's folder).");
            profile.OpenApiUrl = path;
        }
        return profile;
    }

    private static void Validate(string file, VendorProfile profile)
    {
        if (profile.Auth is null || profile.Features is null || profile.Limits is null || profile.PathParameters is null || profile.QueryParameters is null
            || profile.HeaderParameters is null || profile.OperationParameters is null || profile.OperationParameters.Values.Any(v => v is null))
            throw new ConfigurationException($"{file}: auth, features, limits, path_parameters, query_parameters, header_parameters and operation_parameters (and each operation under it) must not be left empty (leave the key out instead).");
        if (profile.Reference == (profile.BaseUrl is not null))
            throw new ConfigurationException($"{file}: give base_url, or reference: true for the built-in reference implementation (not both).");
        if (profile.BaseUrl is not null && !(Uri.TryCreate(profile.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new ConfigurationException($"{file}: base_url must be an absolute http or https URL, not '{profile.BaseUrl}'.");
        var auth = profile.Auth;
        switch (auth.Type)
        {
            case AuthType.None:
                break;
            case AuthType.ApiKey when (auth.Header is null) == (auth.Query is null) || auth.SecretEnv is null:
                throw new ConfigurationException($"{file}: auth type api-key needs secret_env and exactly one of header or query.");
            case AuthType.Bearer when auth.SecretEnv is null:
                throw new ConfigurationException($"{file}: auth type bearer needs secret_env.");
            case AuthType.Basic when auth.UsernameEnv is null || auth.PasswordEnv is null:
                throw new ConfigurationException($"{file}: auth type basic needs username_env and password_env.");
            case AuthType.ApiKey when auth.Header is not null && !IsHeaderName(auth.Header):
                throw new ConfigurationException($"{file}: auth.header '{auth.Header}' is not a valid HTTP header name.");
            case AuthType.OAuth2 when auth.ClientIdEnv is null || auth.ClientSecretEnv is null
                               || !(Uri.TryCreate(auth.TokenUrl, UriKind.Absolute, out var token) && token.Scheme is "http" or "https"
                                    || auth.TokenUrl is ['/', not '/', ..]):
                throw new ConfigurationException($"{file}: auth type oauth2 needs token_url (an absolute http(s) URL, or a path such as /auth on the API's own host), client_id_env and client_secret_env.");
            case AuthType.ApiKey or AuthType.Bearer or AuthType.Basic or AuthType.OAuth2:
                break;
        }
        ValidateValues(file, profile);
    }

    /// <summary>
    /// Parameter values are plain text, and none sits where the profile's own auth puts its secret: that is decided by
    /// position (the query parameter or header auth names, Authorization), never by what a name looks like, so
    /// key_usage_type and keyword are values like any other. Where the spec's security schemes put a key is checked
    /// once the spec is read.
    /// </summary>
    private static void ValidateValues(string file, VendorProfile profile)
    {
        var values = new[] { ("path_parameters", profile.PathParameters), ("query_parameters", profile.QueryParameters), ("header_parameters", profile.HeaderParameters) }
            .Concat(profile.OperationParameters.Select(o => ($"operation_parameters['{o.Key}']", (IReadOnlyDictionary<string, string>)o.Value)));
        foreach (var (key, map) in values)
            foreach (var (name, value) in map)
            {
                if (value is null) throw new ConfigurationException($"{file}: {key}.{name} has no value (give one, or leave the name out).");
                if (Http.ProbeSettings.HasControl(value) || Http.ProbeSettings.HasControl(name))
                    throw new ConfigurationException($"{file}: {key}.{name} holds a control character (CR, LF or NUL): refused, and not shown.");
            }
        foreach (var name in profile.HeaderParameters.Keys.Where(n => !IsHeaderName(n)))
            throw new ConfigurationException($"{file}: header_parameters names '{name}', which is not a valid HTTP header name.");
        var auth = profile.Auth;
        if (auth.Query is { } query && profile.QueryParameters.ContainsKey(query))
            throw new ConfigurationException($"{file}: query_parameters gives '{query}', where auth puts its key: the key comes only from secret_env, never inline.");
        foreach (var name in profile.HeaderParameters.Keys.Where(n => n.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                                                                    || (auth.Header is { } header && n.Equals(header, StringComparison.OrdinalIgnoreCase))))
            throw new ConfigurationException($"{file}: header_parameters gives '{name}', which carries credentials: give them through auth (secret_env), never inline.");
        foreach (var operation in profile.OperationParameters.Keys.Where(k => !OperationKey().IsMatch(k)))
            throw new ConfigurationException($"{file}: operation_parameters keys are operations written as METHOD /path (\"GET /trips\"), not '{operation}'.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) /")]
    private static partial System.Text.RegularExpressions.Regex OperationKey();

    private static bool IsWebAddress(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>An HTTP header name: a token of letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 §5.6.2).</summary>
    public static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
