using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// A search circle returns exactly the records with a place inside it, by great-circle distance, judged by exclusion:
/// the circle is drawn around a place the run has read, its radius in a gap between the places' distances, so the
/// records the run knows fall clearly inside or clearly outside (a margin either side of the radius leaves the Earth
/// model to the server). A record returned whose every place lies outside, or a record left out that has a place
/// inside, breaks the rule. Where the places' distances leave no gap, a circle far from every place must return none.
/// </summary>
public sealed class GeographicFilterCheck : Check
{
    public const string CheckId = "geographic-filter";
    public override string Id => CheckId;
    public override string Title => "The search circle returns exactly the records within it";

    /// <summary>The places and records are those every list gave: asked last.</summary>
    public override ProbeStage ProbesWhen => ProbeStage.AfterAllOperations;

    /// <summary>
    /// The circle asked for, the places' positions the run knows, and what the records it knows must do: those with a
    /// place inside are returned; those with every place outside are not.
    /// </summary>
    private sealed record Circle(double Latitude, double Longitude, long Radius, IReadOnlyDictionary<string, (double Latitude, double Longitude)> Positions,
        IReadOnlyDictionary<string, double> Inside)
    {
        public string Describe(Geography g) =>
            $"{g.Latitude}={Latitude.ToString("0.######", CultureInfo.InvariantCulture)}&{g.Longitude}={Longitude.ToString("0.######", CultureInfo.InvariantCulture)}&{g.Radius}={Radius}";
    }

    private static GeographicList? ListOf(OperationRun run, Profile profile) =>
        run.Role == OperationRole.List && run.Operation.Method == "GET" && profile.Geography is { } g
            ? g.Lists.FirstOrDefault(l => l.Endpoint == run.Operation.PathTemplate) : null;

    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (ListOf(run, context.Profile) is not { } list || run.Primary is not { IsSuccess: true }) yield break;
        var g = context.Profile.Geography!;
        var positions = Positions(g, Records(context, g.Places));
        var records = Records(context, run.Operation.Path)
            .Select(r => (Id: AnswerRecords.IdOf(r, "id"), Places: PlacesOf(r, list, g, positions)))
            .Where(r => r.Id is not null && r.Places.Count > 0).ToList();
        if (records.Count == 0) yield break; // Evaluate says why
        var centre = records[0].Places[0];
        // Each record's nearest place; a record is judged by it only where all its places are known.
        var nearest = records.Select(r => (r.Id, Distance: r.Places.Min(p => GreatCircle.Metres(centre.Latitude, centre.Longitude, p.Latitude, p.Longitude)))).ToList();
        var circle = Drawn(nearest.Select(n => n.Distance)) is { } radius
            ? new Circle(centre.Latitude, centre.Longitude, radius, positions,
                nearest.Where(n => n.Distance <= radius * (1 - GreatCircle.Margin)).ToDictionary(n => n.Id!, n => n.Distance))
            // No gap to draw a radius in: a small circle on the far side of the Earth holds none of them.
            : new Circle(-centre.Latitude, centre.Longitude > 0 ? centre.Longitude - 180 : centre.Longitude + 180, 1000, positions, new Dictionary<string, double>());
        yield return ListWalk.From(context, run.Operation.Path, run.FirstPage, $"within {circle.Radius} m", [circle.Describe(g)], circle);
    }

    /// <summary>A radius in the widest gap between the distances, with the margin clear either side; null where there is none.</summary>
    private static long? Drawn(IEnumerable<double> distances)
    {
        var sorted = distances.Distinct().Order().ToList();
        var best = sorted.Zip(sorted.Skip(1)).Where(p => p.Second >= 1)
            .Select(p => (Radius: Math.Round((p.First + p.Second) / 2), Gap: (p.Second - p.First) / (p.First + p.Second)))
            .Where(p => p.Gap >= GreatCircle.Margin * 2 && p.Radius >= 1)
            // A circle holding more than the centre's own place shows more: the gap after it only where there is no other.
            .OrderByDescending(p => p.Radius * 2 > sorted[1]).ThenByDescending(p => p.Gap).FirstOrDefault();
        return best.Radius >= 1 ? (long)best.Radius : null;
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (ListOf(run, context.Profile) is not { } list || run.Primary is not { IsSuccess: true }) yield break;
        var g = context.Profile.Geography!;
        var own = OwnRequests(run).Where(r => r.Tag is Circle).ToList();
        if (own.Count == 0)
        {
            yield return Skipped(run, $"No record read has a place whose position is known (from {g.Places}): no circle could be drawn.");
            yield break;
        }
        var circle = (Circle)own[0].Tag!;
        var asked = circle.Describe(g);
        var answers = own.Select(r => r.Exchange).ToList();
        var problems = new List<(Exchange, string)>();
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } refused)
        {
            problems.Add((refused, refused.Answered ? $"{asked} answered {refused.Status}" : $"{asked} got no answer: {refused.TransportError}"));
            yield return Judge(run, problems, "");
            yield break;
        }
        var pagination = context.Profile.Pagination;
        var returned = answers.SelectMany(a => AnswerRecords.On(a, pagination).Select(r => (Answer: a, Record: r))).ToList();
        var judged = 0;
        foreach (var (answer, record) in returned)
        {
            var places = PlacesOf(record, list, g, circle.Positions);
            var named = FilterMatching.Values(record, list.Places).Select(Specs.JsonText.Of).OfType<string>().ToList();
            if (places.Count == 0 || places.Count < named.Count && list.Places != "id") continue; // a place the run does not know: not judged
            judged++;
            var distance = places.Min(p => GreatCircle.Metres(circle.Latitude, circle.Longitude, p.Latitude, p.Longitude));
            if (distance > circle.Radius * (1 + GreatCircle.Margin))
                problems.Add((answer, $"{asked} returned record {AnswerRecords.IdOf(record, "id")}, whose nearest place lies {distance:N0} m from the centre"));
        }
        var complete = ListWalk.Complete(answers, pagination);
        var ids = returned.Select(r => AnswerRecords.IdOf(r.Record, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (complete)
            foreach (var (id, distance) in circle.Inside.Where(i => !ids.Contains(i.Key)))
                problems.Add((answers[^1], $"{asked} left out record {id}, which has a place {distance:N0} m from the centre"));
        yield return Judge(run, problems,
            $"{asked}: {returned.Count} record(s) returned, {judged} of them with places the run knows, each inside"
            + (complete ? $"; every record known to lie inside ({circle.Inside.Count}) among them." : "; the pages were not all read, so none missing was looked for."));
    }

    /// <summary>The records the run read from a list, each once: fetched whole, else as listed.</summary>
    private static List<JsonObject> Records(ProbeContext context, string path) =>
        (context.Known.GetValueOrDefault(path) ?? []).Concat(context.Listed.GetValueOrDefault(path) ?? [])
            .DistinctBy(r => AnswerRecords.IdOf(r, "id") ?? "").ToList();

    /// <summary>Each place's position, by its id: GeoJSON coordinates, longitude first.</summary>
    private static Dictionary<string, (double Latitude, double Longitude)> Positions(Geography g, IEnumerable<JsonObject> places)
    {
        var positions = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var place in places)
            if (AnswerRecords.IdOf(place, "id") is { } id && Position(place, g) is { } at)
                positions.TryAdd(id, at);
        return positions;
    }

    private static (double Latitude, double Longitude)? Position(JsonObject record, Geography g) =>
        g.Position.SelectMany(p => FilterMatching.Values(record, p)).OfType<JsonArray>()
            .Select(c => c is [JsonValue lon, JsonValue lat, ..] && lon.TryGetValue<double>(out var x) && lat.TryGetValue<double>(out var y)
                         && x is >= -180 and <= 180 && y is >= -90 and <= 90 ? (y, x) : ((double, double)?)null)
            .FirstOrDefault(p => p is not null);

    /// <summary>The known positions of a record's places (a place of the list of places is its own place, and may carry its own position).</summary>
    private static List<(double Latitude, double Longitude)> PlacesOf(JsonObject record, GeographicList list, Geography g,
        IReadOnlyDictionary<string, (double Latitude, double Longitude)> positions)
    {
        if (list.Endpoint == g.Places && Position(record, g) is { } own) return [own];
        return FilterMatching.Values(record, list.Places).Select(Specs.JsonText.Of).OfType<string>()
            .Select(id => positions.TryGetValue(id, out var at) ? at : ((double, double)?)null).OfType<(double, double)>().ToList();
    }
}
