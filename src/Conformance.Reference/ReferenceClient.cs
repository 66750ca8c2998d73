using Conformance.Vendors;

namespace Conformance.Reference;

/// <summary>
/// How a run reaches a reference implementation that wants credentials (the NPP's OAuth2): the reference's own demo
/// client, whose id and secret are published with its data (standards/ID/reference/clients.json) and protect nothing
/// but the demo. A run given no credentials uses <see cref="Auth"/>; a vendor profile for the reference names the
/// variables <see cref="IdVariable"/> and <see cref="SecretVariable"/>, which <see cref="Environment"/> fills from the
/// reference where the process has not set them, so the profile runs on a fresh clone.
/// </summary>
public sealed record ReferenceClient(Auth Auth, IReadOnlyDictionary<string, string> Values)
{
    public const string IdVariable = "CONFORMANCE_REFERENCE_CLIENT_ID";
    public const string SecretVariable = "CONFORMANCE_REFERENCE_CLIENT_SECRET";

    public static ReferenceClient For(Parking.OAuth2Server.Client client, string serverUrl) => new(
        new Auth
        {
            Type = AuthType.OAuth2, TokenUrl = serverUrl + Parking.OAuth2Server.TokenPath,
            ClientIdEnv = IdVariable, ClientSecretEnv = SecretVariable, Scope = string.Join(" ", client.Scopes.Order()),
        },
        new Dictionary<string, string> { [IdVariable] = client.Id, [SecretVariable] = client.Secret });

    /// <summary>The process's environment first, then the reference's demo client.</summary>
    public Func<string, string?> Environment(Func<string, string?>? outer = null) =>
        name => (outer ?? System.Environment.GetEnvironmentVariable)(name) is { Length: > 0 } set ? set : Values.GetValueOrDefault(name);
}
