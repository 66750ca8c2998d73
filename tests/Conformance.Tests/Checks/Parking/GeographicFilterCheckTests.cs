using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>geographic-filter: a circle drawn between the places the run knows, judged by exclusion.</summary>
public class GeographicFilterCheckTests
{
    private readonly GeographicFilterCheck _check = new();

    private static JsonObject Place(string id, double latitude, double longitude) => new()
    {
        ["id"] = id, ["version"] = 1,
        ["indicativePlacePointLocation"] = new JsonArray(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(longitude, latitude) }),
    };

    // Quayside, a car park 200 m north of it, and one 5 km away.
    private static readonly JsonObject[] Places = [Place("quayside", 50.8000, -1.0900), Place("market", 50.8018, -1.0900), Place("far", 50.8450, -1.0900)];

    /// <summary>A server answering the circle asked with the places that <paramref name="within"/> says are in it.</summary>
    private Finding Asked(Func<JsonObject, double, double, double, bool> within, params JsonObject[] known)
    {
        var run = Run("/places", OperationRole.List, Read("/places", Page(1, known.Length, known)));
        return Judged(_check, Answered(_check, run, Probing(new() { ["/places"] = [.. known] }), request =>
        {
            var q = Query(request.Url);
            double Number(string name) => double.Parse(q[name], CultureInfo.InvariantCulture);
            var inside = known.Where(p => within(p, Number("latitude"), Number("longitude"), Number("radius"))).ToArray();
            return Answer(request.Url, Page(1, inside.Length, inside));
        }));
    }

    private static (double Latitude, double Longitude) At(JsonObject place) =>
        (place["indicativePlacePointLocation"]![0]!["coordinates"]![1]!.GetValue<double>(), place["indicativePlacePointLocation"]![0]!["coordinates"]![0]!.GetValue<double>());

    private static bool GreatCircleWithin(JsonObject place, double latitude, double longitude, double radius) =>
        GreatCircle.Metres(latitude, longitude, At(place).Latitude, At(place).Longitude) <= radius;

    [Test]
    public void Exactly_the_places_within_the_radius_satisfy_it()
    {
        var finding = Asked(GreatCircleWithin, Places);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.Contain("every record known to lie inside (2)"));
    }

    [Test]
    public void Measuring_on_another_earth_model_within_the_margin_satisfies_it() =>
        Assert.That(Asked((p, lat, lon, r) => GreatCircleWithin(p, lat, lon, r * 0.995), Places).Kind, Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void A_radius_that_is_ignored_violates_it()
    {
        var finding = Asked((_, _, _, _) => true, Places);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("returned record far, whose nearest place lies 5,004 m from the centre"));
    }

    [Test]
    public void Latitude_and_longitude_read_the_wrong_way_round_violates_it()
    {
        var finding = Asked((p, lat, lon, r) => GreatCircleWithin(p, lon, lat, r), Places);
        Assert.That(finding.Message, Does.Contain("left out record quayside").And.Contain("left out record market"));
    }

    [Test]
    public void With_one_place_a_circle_far_from_it_must_return_nothing()
    {
        var finding = Asked((_, _, _, _) => true, Places[0]);
        Assert.That(finding.Message, Does.Contain("returned record quayside"));
        Assert.That(Asked(GreatCircleWithin, Places[0]).Kind, Is.EqualTo(FindingKind.Satisfied));
    }

    [Test]
    public void Without_a_known_position_no_circle_is_drawn() =>
        Assert.That(Asked(GreatCircleWithin, new JsonObject { ["id"] = "nowhere", ["version"] = 1 }).Kind, Is.EqualTo(FindingKind.Skipped));
}
