using System.Text.Json.Serialization;

namespace Conformance.Vendors;

/// <summary>How the harness authenticates to the API under test.</summary>
public enum AuthType
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("api-key")] ApiKey,
    [JsonStringEnumMemberName("bearer")] Bearer,
    [JsonStringEnumMemberName("basic")] Basic,
    [JsonStringEnumMemberName("oauth2")] OAuth2,
}
