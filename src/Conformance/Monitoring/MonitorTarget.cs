using Conformance.Text;

namespace Conformance.Monitoring;

/// <summary>
/// One supplier watched night after night: a vendor profile, named by its file name without the extension. The name
/// is the target's identity in history, baselines, shards and the dashboard, because a URL may change (and the
/// built-in reference gets a new port every run) while the profile a council keeps for a supplier does not. Its
/// report folder is targets/<see cref="Folder"/>: the name made safe (a profile named <c>...yaml</c> is the target
/// <c>..</c>, never the folder).
/// </summary>
public sealed record MonitorTarget(string Id, string ProfilePath)
{
    /// <summary>The target's folder name under targets/: <see cref="SafeName"/> of the id, distinct among a list's targets.</summary>
    public string Folder { get; init; } = SafeName.Of(Id);

    public static MonitorTarget Of(string profilePath) =>
        new(Path.GetFileNameWithoutExtension(profilePath), Path.GetFullPath(profilePath));
}
