using System.Text.Json.Serialization;

namespace Conformance.Vendors;

/// <summary>What a vendor declares of an optional endpoint (OpenActive-style): each is tested accordingly.</summary>
public enum FeatureState
{
    /// <summary>Held to the bar of a required endpoint.</summary>
    [JsonStringEnumMemberName("implemented")] Implemented,
    /// <summary>Still asked once: it must refuse properly (404, 410 or 501).</summary>
    [JsonStringEnumMemberName("not-implemented")] NotImplemented,
    /// <summary>Changes nothing.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}
