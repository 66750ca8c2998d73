namespace Conformance.Reference.Parking;

/// <summary>Distance over the Earth's surface between two WGS84 points, by the haversine formula on a sphere.</summary>
public static class GreatCircle
{
    /// <summary>The Earth's mean radius in metres (IUGG): the sphere's error against the ellipsoid stays under 0.5%.</summary>
    public const double EarthRadius = 6_371_008.8;

    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
