using System.Text.Json.Serialization;

namespace Conformance.Standards;

/// <summary>How a returned record's field must relate to a filter's value for the filter to be judged.</summary>
public enum FilterMatch
{
    /// <summary>The field holds the value (ids echoed in another letter case are the same ids).</summary>
    [JsonStringEnumMemberName("equals")] Same,
    /// <summary>A date-time at or after the value.</summary>
    [JsonStringEnumMemberName("after")] After,
    /// <summary>A date-time at or before the value.</summary>
    [JsonStringEnumMemberName("before")] Before,
    /// <summary>Free text: the record the text came from must be found; other matches are the server's to choose.</summary>
    [JsonStringEnumMemberName("text")] Text,
}
