using System.Text.Json.Serialization;

namespace Conformance.Vendors;

/// <summary>Where the API under test runs: only a test environment may ever receive a write.</summary>
public enum TargetEnvironment
{
    [JsonStringEnumMemberName("production")] Production,
    [JsonStringEnumMemberName("test")] Test,
}
