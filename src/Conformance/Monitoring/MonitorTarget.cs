namespace Conformance.Monitoring;

/// <summary>
/// One supplier watched night after night: a vendor profile, named by its file name without the extension. The name
/// is the target's identity in history, baselines, shards and the dashboard, because a URL may change (and the
/// built-in reference gets a new port every run) while the profile a council keeps for a supplier does not.
/// </summary>
public sealed record MonitorTarget(string Id, string ProfilePath)
{
    public static MonitorTarget Of(string profilePath) =>
        new(Path.GetFileNameWithoutExtension(profilePath), Path.GetFullPath(profilePath));
}
