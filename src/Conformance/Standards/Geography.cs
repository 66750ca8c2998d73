namespace Conformance.Standards;

/// <summary>
/// A search circle the standard defines (NPP: latitude, longitude and radius in metres): the records it must return
/// are those with a place within the radius of the centre, by great-circle distance. Where each place lies is read
/// from the records of <see cref="Places"/>; each list says where its records name their places.
/// </summary>
public sealed class Geography
{
    public string Latitude { get; init; } = "latitude";
    public string Longitude { get; init; } = "longitude";
    /// <summary>The radius parameter, in metres.</summary>
    public string Radius { get; init; } = "radius";
    /// <summary>The list of places, whose records carry their positions.</summary>
    public required string Places { get; init; }
    /// <summary>Where a place gives its position: GeoJSON coordinates, longitude first (the first that holds one).</summary>
    public required IReadOnlyList<string> Position { get; init; }
    public required IReadOnlyList<GeographicList> Lists { get; init; }
}

/// <summary>A list the search circle applies to, and the field its records name their places' ids by (the place's own id for the list of places).</summary>
public sealed class GeographicList
{
    public required string Endpoint { get; init; }
    public required string Places { get; init; }
}
