using System.Text.Json.Serialization;

namespace Conformance.Standards;

/// <summary>Whether a standard promises anonymous access (open), expects credentials (secured), or says nothing.</summary>
public enum Access
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("secured")] Secured,
    [JsonStringEnumMemberName("unspecified")] Unspecified,
}
