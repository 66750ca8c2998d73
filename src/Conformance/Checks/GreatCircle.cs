namespace Conformance.Checks;

/// <summary>
/// Great-circle distance on the mean Earth (radius 6,371,008.8 m, IUGG), by the haversine formula. Servers measure on
/// other models (the WGS84 ellipsoid, a flat projection at a borough's scale) that differ by well under 1% at any
/// distance a search circle uses: checks leave that margin either side of a radius.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The share of a radius either side of it within which a place is not judged inside or outside.</summary>
    public const double Margin = 0.02;

    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
