using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Reference.Parking;

/// <summary>
/// The behaviour of a conforming APDS platform (the NPP's places, right specifications, rates, assigned rights and
/// sessions) over <see cref="ParkingData"/>: lists paginated by page with PaginatedListMeta, the filters each list
/// documents (geography by great-circle distance, places, right specifications, credentials, types, names, time
/// windows, modified_since with deleted references), expand, each record at /{id} in its latest version or the one
/// ?version= names, and writes that keep versions (an update names the next version; a stale one is a conflict).
/// Access is checked before it (<see cref="OAuth2Server"/>). Pure: no HTTP here.
/// </summary>
public sealed class ParkingService
{
    /// <summary>Records per page: small enough that the reference's places fill two pages.</summary>
    public const int PageSize = 10;

    private readonly ParkingData _data;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<Kind> _kinds;

    public ParkingService(ParkingData data, TimeProvider? clock = null)
    {
        _data = data;
        _clock = clock ?? TimeProvider.System;
        _kinds =
        [
            new("places", "place", data.Places, PlaceExpand, PlaceFilter),
            new("rights/specs", "right specification", data.RightSpecifications, SpecExpand, SpecFilter),
            new("rates", "rate table", data.Rates, new Dictionary<string, string[]>(), RateFilter),
            new("rights/assigned", "assigned right", data.AssignedRights, AssignedExpand, AssignedFilter),
            new("sessions", "session", data.Sessions, SessionExpand, SessionFilter),
        ];
    }

    /// <summary>One kind of record: where it lives, what expand may leave out of it, and how its filters read it.</summary>
    private sealed record Kind(string Path, string Name, ParkingRecords Records, IReadOnlyDictionary<string, string[]> Expand,
        Func<JsonObject, Query, bool?> Filter);

    // The optional parts expand names, by the fields that hold them. Required fields are never left out, though
    // rates_expand and sessions_expand name some (rateLineCollections, credentials, segments): see docs/parking.md.
    private static readonly Dictionary<string, string[]> PlaceExpand = new()
    {
        ["rightSpecifications"] = ["rightSpecifications"], ["occupancy"] = ["occupancyLevel", "hierarchyElementReference"],
        ["areaLocation"] = ["placeBoundedZone", "spaceBoundedZone", "areaBoundedZone"],
        ["pointLocation"] = ["indicativePlacePointLocation", "indicativePointLocation"], ["contacts"] = ["contacts"],
        ["operatingRestrictions"] = ["operatingRestrictions"], ["characteristics"] = ["characteristics"], ["paymentMethods"] = ["paymentMethods"],
        ["openingTimes"] = ["times"], ["streetAddress"] = ["placeStreetAddress", "streetAddress"],
    };
    private static readonly Dictionary<string, string[]> SpecExpand = new()
    {
        ["rateEligibility"] = ["rateEligibility"], ["validity"] = ["validity"], ["credentials"] = ["credentials"], ["rightPools"] = ["rightPools"],
    };
    private static readonly Dictionary<string, string[]> AssignedExpand = new()
    {
        ["plannedUses"] = ["plannedUses"], ["assignedRightIssuer"] = ["assignedRightIssuer"],
    };
    private static readonly Dictionary<string, string[]> SessionExpand = new()
    {
        ["vehicleAncillaryIdentification"] = ["identifiedVehicle"], ["segments.space"] = ["segments[].spaceId"],
    };

    public ReferenceResponse Handle(ReferenceRequest request)
    {
        var path = request.Path.Trim('/');
        var kind = _kinds.FirstOrDefault(k => path == k.Path);
        string? id = null;
        if (kind is null)
        {
            kind = _kinds.FirstOrDefault(k => path.StartsWith(k.Path + "/", StringComparison.Ordinal) && !path[(k.Path.Length + 1)..].Contains('/'));
            id = kind is null ? null : Uri.UnescapeDataString(path[(kind.Path.Length + 1)..]);
        }
        if (kind is null) return Status(404, $"No endpoint at {request.Path}.");
        try
        {
            var query = new Query(request.Query);
            return (request.Method, id) switch
            {
                ("GET" or "HEAD", null) => List(kind, query),
                ("GET" or "HEAD", { } one) => One(kind, one, query),
                ("POST", null) => Write(kind, null, request.Body, create: true),
                ("PUT", { } one) => Write(kind, one, request.Body, create: false),
                ("DELETE", { } one) => Delete(kind, one),
                _ => Status(405, $"{request.Method} is not supported on {request.Path}."),
            };
        }
        catch (BadQuery e)
        {
            return Status(400, e.Message);
        }
    }

    private ReferenceResponse List(Kind kind, Query query)
    {
        var page = query.Integer("page") ?? 1;
        if (page < 1) throw new BadQuery("page must be a whole number from 1.");
        var expand = Expansion(kind, query);
        var since = query.Instant("modified_since");
        var matching = kind.Records.Current()
            .Where(v => since is null || v.Modified > since)
            .Where(v => kind.Filter(v.Record, query) != false && Within(kind, v.Record, query))
            .ToList();
        var records = matching.Skip((int)Math.Min(int.MaxValue, (page - 1) * PageSize)).Take(PageSize)
            .Select(v => (JsonNode)Expanded(v.Record, kind, expand)).ToArray();
        var body = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["referenceInstant"] = _kinds.Max(k => k.Records.LastChange()).ToUnixTimeSeconds(),
                ["offset"] = (page - 1) * PageSize,
                ["pageSize"] = PageSize,
                ["total"] = matching.Count,
            },
            ["data"] = new JsonArray(records),
        };
        if (since is not null)
            body["deletedReferences"] = new JsonArray(kind.Records.DeletedSince(since.Value).Select(d => (JsonNode)new JsonObject
            {
                ["id"] = d.Id, ["className"] = kind.Records.ClassName, ["deleteTimestamp"] = d.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            }).ToArray());
        return ReferenceResponse.Ok(body);
    }

    private ReferenceResponse One(Kind kind, string id, Query query)
    {
        var number = query.Integer("version");
        if (number is < 1) throw new BadQuery("version must be a whole number from 1.");
        return kind.Records.Find(id, number) is { } found
            ? ReferenceResponse.Ok(Expanded(found.Record, kind, Expansion(kind, query)))
            : Status(404, number is null ? $"No {kind.Name} has id '{id}'." : $"No {kind.Name} '{id}' has version {number}.");
    }

    private ReferenceResponse Write(Kind kind, string? id, string? body, bool create)
    {
        JsonObject record;
        try
        {
            record = JsonNode.Parse(body ?? "") as JsonObject ?? throw new BadQuery("The body must be a JSON object.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadQuery($"The body is not JSON: {e.Message}");
        }
        if (record["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var recordId) || recordId.Length == 0)
            throw new BadQuery($"A {kind.Name} needs an id.");
        if (record["version"] is not JsonValue versionValue || !versionValue.TryGetValue<long>(out var version) || version < 1)
            throw new BadQuery($"A {kind.Name} needs a version, a whole number from 1.");
        if (id is not null && recordId != id) throw new BadQuery($"The body's id '{recordId}' is not the one in the path, '{id}'.");
        var now = _clock.GetUtcNow();
        return (create ? kind.Records.Create(record, now) : kind.Records.Update(record, now)) switch
        {
            ParkingRecords.WriteOutcome.Done => create ? Status(201, $"The {kind.Name} '{recordId}' was created.") : Status(200, $"The {kind.Name} '{recordId}' is now at version {version}."),
            ParkingRecords.WriteOutcome.NotFound => Status(404, $"No {kind.Name} has id '{recordId}'."),
            _ => create
                ? Status(409, $"A {kind.Name} with id '{recordId}' exists already.")
                : Status(409, $"Version {version} of {kind.Name} '{recordId}' is stale: an update names the version after the latest, {kind.Records.Find(recordId)?.Number + 1}."),
        };
    }

    private ReferenceResponse Delete(Kind kind, string id) =>
        kind.Records.Delete(id, _clock.GetUtcNow()) == ParkingRecords.WriteOutcome.Done
            ? Status(200, $"The {kind.Name} '{id}' was deleted.")
            : Status(404, $"No {kind.Name} has id '{id}'.");

    /// <summary>The optional parts to keep: all of them when expand is absent or says all; none of them for none.</summary>
    private static IReadOnlySet<string> Expansion(Kind kind, Query query)
    {
        var asked = query.List("expand");
        if (asked is null || asked.Contains("all")) return kind.Expand.Keys.ToHashSet();
        var unknown = asked.Where(a => a != "none" && !kind.Expand.ContainsKey(a) && !IsRequiredPart(kind, a)).ToList();
        if (unknown.Count > 0) throw new BadQuery($"expand does not know {string.Join(", ", unknown)} for a {kind.Name}.");
        return asked.Where(kind.Expand.ContainsKey).ToHashSet();
    }

    /// <summary>expand values the NPP lists for parts its schemas require: accepted, and the parts are always there.</summary>
    private static bool IsRequiredPart(Kind kind, string name) => (kind.Path, name) switch
    {
        ("rates", "rateLineCollections" or "rateLineCollections.rateLines") => true,
        ("sessions", "credentials" or "segments" or "segments.assignedRight") => true,
        _ => false,
    };

    private static JsonObject Expanded(JsonObject record, Kind kind, IReadOnlySet<string> keep)
    {
        var copy = (JsonObject)record.DeepClone();
        foreach (var (name, fields) in kind.Expand.Where(e => !keep.Contains(e.Key)))
            foreach (var field in fields)
            {
                if (field.Split("[].") is [var list, var inner])
                    foreach (var item in copy[list] as JsonArray ?? []) (item as JsonObject)?.Remove(inner);
                else copy.Remove(field);
            }
        return copy;
    }

    // ----- what each filter reads of a record; null where the filter was not asked for

    private bool? PlaceFilter(JsonObject place, Query q) => All(
        q.List("type") is { } types ? types.Contains(Text(place["type"]) ?? "") : null,
        q.List("right_type") is { } rightTypes ? SpecsAt(Text(place["id"])).Any(s => rightTypes.Contains(Text(s["type"]) ?? "")) : null,
        q.List("structure_type") is { } structures ? Characteristics(place, "structureType").Any(structures.Contains) : null,
        q.List("structure_grade") is { } grades ? Characteristics(place, "structureGrade").Any(grades.Contains) : null,
        q.Text("name") is { } name ? (place["name"] as JsonArray ?? []).Any(n => Text(n?["string"])?.Contains(name, StringComparison.OrdinalIgnoreCase) == true) : null,
        q.Integer("layer") is { } layer ? (place["layer"]?.GetValue<long>() ?? 0) <= layer : null);

    private bool? SpecFilter(JsonObject spec, Query q) => All(
        q.List("place") is { } places ? Ids(spec["hierarchyElements"]).Any(places.Contains) : null,
        q.List("type") is { } types ? PlacesOf(spec).Any(p => types.Contains(Text(p["type"]) ?? "")) : null);

    private bool? RateFilter(JsonObject rate, Query q)
    {
        var specs = SpecsNaming(Text(rate["id"])).ToList();
        return All(
            q.List("place") is { } places ? specs.SelectMany(s => Ids(s["hierarchyElements"])).Any(places.Contains) : null,
            q.List("right_spec") is { } ids ? specs.Any(s => ids.Contains(Text(s["id"]) ?? "")) : null);
    }

    private bool? AssignedFilter(JsonObject right, Query q)
    {
        var spec = _data.RightSpecifications.Find(Text(right["rightSpecification"]?["id"]) ?? "")?.Record;
        var credentials = (right["rightHolder"]?["credentials"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var plannedStarts = (right["plannedUses"] as JsonArray ?? []).Select(u => Instant(u?["startTime"])).OfType<DateTimeOffset>().ToList();
        var start = plannedStarts.Count > 0 ? plannedStarts.Min() : Instant(right["issuanceTime"]);
        var end = Instant(right["expiry"]) ?? (right["plannedUses"] as JsonArray ?? []).Select(u => Instant(u?["endTime"])).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
        return All(
            q.List("place") is { } places ? spec is not null && Ids(spec["hierarchyElements"]).Any(places.Contains) : null,
            q.List("type") is { } types ? spec is not null && PlacesOf(spec).Any(p => types.Contains(Text(p["type"]) ?? "")) : null,
            q.List("right_spec") is { } specs ? specs.Contains(Text(right["rightSpecification"]?["id"]) ?? "") : null,
            q.List("right_type") is { } rightTypes ? spec is not null && rightTypes.Contains(Text(spec["type"]) ?? "") : null,
            q.List("credential_id") is { } ids ? credentials.Any(c => ids.Contains(Text(c["identifier"]?["id"]) ?? "")) : null,
            q.List("credential_type") is { } credentialTypes ? credentials.Any(c => credentialTypes.Contains(Text(c["type"]) ?? "")) : null,
            Window(start, end, q));
    }

    private bool? SessionFilter(JsonObject session, Query q)
    {
        var place = _data.Places.Find(Text(session["hierarchyElement"]?["id"]) ?? "")?.Record;
        var credentials = (session["identifiedCredentials"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var specs = (session["segments"] as JsonArray ?? []).Select(s => _data.AssignedRights.Find(Text(s?["assignedRight"]?["id"]) ?? "")?.Record)
            .OfType<JsonObject>().Select(r => _data.RightSpecifications.Find(Text(r["rightSpecification"]?["id"]) ?? "")?.Record).OfType<JsonObject>().ToList();
        return All(
            q.List("place") is { } places ? places.Contains(Text(session["hierarchyElement"]?["id"]) ?? "") : null,
            q.List("type") is { } types ? place is not null && types.Contains(Text(place["type"]) ?? "") : null,
            q.List("right_spec") is { } ids ? specs.Any(s => ids.Contains(Text(s["id"]) ?? "")) : null,
            q.List("right_type") is { } rightTypes ? specs.Any(s => rightTypes.Contains(Text(s["type"]) ?? "")) : null,
            q.List("credential_id") is { } credentialIds ? credentials.Any(c => credentialIds.Contains(Text(c["identifier"]?["id"]) ?? "")) : null,
            q.List("credential_type") is { } credentialTypes ? credentials.Any(c => credentialTypes.Contains(Text(c["type"]) ?? "")) : null,
            Window(Instant(session["actualStart"]), Instant(session["actualEnd"]), q));
    }

    /// <summary>
    /// start_after, start_before, end_after, end_before: strictly after or before the instant. A record that has not
    /// ended (no end) ends after every instant and before none.
    /// </summary>
    private static bool? Window(DateTimeOffset? start, DateTimeOffset? end, Query q) => All(
        q.Instant("start_after") is { } sa ? start > sa : null,
        q.Instant("start_before") is { } sb ? start < sb : null,
        q.Instant("end_after") is { } ea ? end is null || end > ea : null,
        q.Instant("end_before") is { } eb ? end is not null && end < eb : null);

    /// <summary>latitude, longitude and radius: the record's place (or one of its places) lies within radius metres.</summary>
    private bool Within(Kind kind, JsonObject record, Query q)
    {
        var (latitude, longitude, radius) = (q.Number("latitude"), q.Number("longitude"), q.Integer("radius"));
        if (latitude is null && longitude is null && radius is null) return true;
        if (latitude is null || longitude is null || radius is null)
            throw new BadQuery("latitude, longitude and radius go together: give all three.");
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || radius < 0)
            throw new BadQuery("latitude must be within ±90, longitude within ±180 and radius a whole number of metres from 0.");
        IEnumerable<JsonObject> places = kind.Path switch
        {
            "places" => [record],
            "rights/specs" => PlacesOf(record),
            "rates" => SpecsNaming(Text(record["id"])).SelectMany(PlacesOf),
            "rights/assigned" => _data.RightSpecifications.Find(Text(record["rightSpecification"]?["id"]) ?? "")?.Record is { } spec ? PlacesOf(spec) : [],
            _ => _data.Places.Find(Text(record["hierarchyElement"]?["id"]) ?? "")?.Record is { } place ? [place] : [],
        };
        return places.Select(Point).OfType<(double Latitude, double Longitude)>()
            .Any(p => GreatCircle.Metres(latitude.Value, longitude.Value, p.Latitude, p.Longitude) <= radius);
    }

    /// <summary>A place's indicative point: GeoJSON gives longitude first.</summary>
    public static (double Latitude, double Longitude)? Point(JsonObject place)
    {
        var point = (place["indicativePlacePointLocation"] as JsonArray)?.FirstOrDefault() ?? place["indicativePointLocation"];
        return point?["coordinates"] is JsonArray { Count: 2 } c ? (c[1]!.GetValue<double>(), c[0]!.GetValue<double>()) : null;
    }

    private IEnumerable<JsonObject> PlacesOf(JsonObject spec) =>
        Ids(spec["hierarchyElements"]).Select(id => _data.Places.Find(id)?.Record).OfType<JsonObject>();

    /// <summary>The right specifications that apply to a place.</summary>
    private IEnumerable<JsonObject> SpecsAt(string? placeId) =>
        _data.RightSpecifications.Current().Select(v => v.Record).Where(s => Ids(s["hierarchyElements"]).Contains(placeId));

    /// <summary>The right specifications whose rate eligibility names a rate table.</summary>
    private IEnumerable<JsonObject> SpecsNaming(string? rateId) =>
        _data.RightSpecifications.Current().Select(v => v.Record)
            .Where(s => (s["rateEligibility"] as JsonArray ?? []).Any(e => Text(e?["rateTable"]?["id"]) == rateId));

    private static IEnumerable<string> Characteristics(JsonObject place, string field) =>
        (place["characteristics"] as JsonArray ?? []).Select(c => Text(c?[field])).OfType<string>();

    private static IEnumerable<string> Ids(JsonNode? references) => (references as JsonArray ?? []).Select(r => Text(r?["id"])).OfType<string>();

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static DateTimeOffset? Instant(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>Every filter asked for holds (null: none was asked for).</summary>
    private static bool? All(params bool?[] conditions) =>
        conditions.All(c => c is null) ? null : conditions.All(c => c != false);

    private static ReferenceResponse Status(int code, string message) => new(code, new JsonObject
    {
        ["status"] = code < 400 ? "ok" : "error", ["code"] = code, ["message"] = message,
    });

    /// <summary>A query parameter the reference cannot read: 400.</summary>
    private sealed class BadQuery(string message) : Exception(message);

    /// <summary>The query as the NPP defines its parameters: comma lists, whole numbers, Unix epoch instants; empty means absent.</summary>
    private sealed class Query(IReadOnlyDictionary<string, string> values)
    {
        public string? Text(string name) => values.GetValueOrDefault(name) is { Length: > 0 } text ? text : null;

        public HashSet<string>? List(string name) =>
            Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

        public long? Integer(string name) => Text(name) is not { } text ? null
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
            : throw new BadQuery($"{name} must be a whole number, not '{text}'.");

        public double? Number(string name) => Text(name) is not { } text ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n
            : throw new BadQuery($"{name} must be a number, not '{text}'.");

        public DateTimeOffset? Instant(string name) => Integer(name) is not { } seconds ? null
            : seconds is >= 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new BadQuery($"{name} must be Unix epoch seconds from 0.");
    }
}
