using System.Text.Json.Nodes;

namespace Conformance.Reference.Parking;

/// <summary>
/// One kind of APDS record (places, rates...) as a platform keeps it: every version of every record, each with the
/// instant it was written, and the records deleted (logically: they stay known, so modified_since can list them).
/// Read from standards/ID/reference/NAME.json, an array of {modified, record} entries (with deleted where it was).
/// Writes change it in memory only. Safe to use from several requests at once.
/// </summary>
public sealed class ParkingRecords
{
    private readonly Dictionary<string, List<Version>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _deleted = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>A record as written at one version.</summary>
    public sealed record Version(JsonObject Record, DateTimeOffset Modified)
    {
        public string Id => Record["id"]!.GetValue<string>();
        public long Number => Record["version"]!.GetValue<long>();
    }

    public ParkingRecords(string className, IEnumerable<JsonObject> entries)
    {
        ClassName = className;
        foreach (var entry in entries)
        {
            var version = new Version((JsonObject)entry["record"]!.DeepClone(), DateTimeOffset.Parse(entry["modified"]!.GetValue<string>()));
            (_versions.TryGetValue(version.Id, out var list) ? list : _versions[version.Id] = []).Add(version);
            if (entry["deleted"]?.GetValue<string>() is { } deleted) _deleted[version.Id] = DateTimeOffset.Parse(deleted);
        }
        foreach (var list in _versions.Values) list.Sort((a, b) => a.Number.CompareTo(b.Number));
    }

    /// <summary>The class name a deleted reference gives (Place, RateTable...).</summary>
    public string ClassName { get; }

    public static ParkingRecords Load(string file, string className) =>
        new(className, (JsonNode.Parse(File.ReadAllText(file)) as JsonArray ?? throw new InvalidDataException($"{file} is not an array."))
            .OfType<JsonObject>());

    /// <summary>The latest version of each record not deleted, in id order.</summary>
    public IReadOnlyList<Version> Current()
    {
        lock (_lock)
            return _versions.Where(v => !_deleted.ContainsKey(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value[^1]).ToList();
    }

    /// <summary>The latest version of a record, or the one asked for; null when there is none or it was deleted.</summary>
    public Version? Find(string id, long? number = null)
    {
        lock (_lock)
        {
            if (_deleted.ContainsKey(id) || !_versions.TryGetValue(id, out var list)) return null;
            return number is null ? list[^1] : list.FirstOrDefault(v => v.Number == number);
        }
    }

    /// <summary>Records deleted after an instant, with when.</summary>
    public IReadOnlyList<(string Id, DateTimeOffset At)> DeletedSince(DateTimeOffset since)
    {
        lock (_lock)
            return _deleted.Where(d => d.Value > since).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value)).ToList();
    }

    /// <summary>The latest instant anything was written or deleted: a result set's reference instant.</summary>
    public DateTimeOffset LastChange()
    {
        lock (_lock)
            return _versions.Values.SelectMany(v => v).Select(v => v.Modified).Concat(_deleted.Values).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
    }

    public enum WriteOutcome { Done, NotFound, Conflict }

    /// <summary>A new record: refused when its id is taken (deleted records keep theirs).</summary>
    public WriteOutcome Create(JsonObject record, DateTimeOffset at)
    {
        var version = new Version(record, at);
        lock (_lock)
        {
            if (_versions.ContainsKey(version.Id)) return WriteOutcome.Conflict;
            _versions[version.Id] = [version];
            return WriteOutcome.Done;
        }
    }

    /// <summary>A new version of a record: it must name the version after the latest, or it is stale (a conflict).</summary>
    public WriteOutcome Update(JsonObject record, DateTimeOffset at)
    {
        var version = new Version(record, at);
        lock (_lock)
        {
            if (_deleted.ContainsKey(version.Id) || !_versions.TryGetValue(version.Id, out var list)) return WriteOutcome.NotFound;
            if (version.Number != list[^1].Number + 1) return WriteOutcome.Conflict;
            list.Add(version);
            return WriteOutcome.Done;
        }
    }

    public WriteOutcome Delete(string id, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_deleted.ContainsKey(id) || !_versions.ContainsKey(id)) return WriteOutcome.NotFound;
            _deleted[id] = at;
            return WriteOutcome.Done;
        }
    }
}
