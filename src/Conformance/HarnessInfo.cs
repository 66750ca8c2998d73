using System.Reflection;

namespace Conformance;

/// <summary>
/// The harness's own version and the commit it was built from, as reports, history and certificates record them (so a
/// change of verdict can be told from a change of harness) and as `conformance --version` prints them. The one place
/// that knows where a version comes from: today the assembly's informational version, "0.1.0+&lt;commit&gt;", which the
/// SDK stamps from Directory.Build.props and git.
/// </summary>
public static class HarnessInfo
{
    /// <summary>The version as built, commit included: "0.1.0+72cd728…".</summary>
    public static string Version { get; } =
        typeof(HarnessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HarnessInfo).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The release number alone: "0.1.0".</summary>
    public static string Number => Version.Split('+')[0];

    /// <summary>The commit built from, or null where the build did not know it (no git).</summary>
    public static string? Commit => Version.Split('+') is [_, { Length: > 0 } commit, ..] ? commit : null;

    /// <summary>One line for people: "conformance 0.1.0 (commit 72cd728…)", as `conformance --version` prints it.</summary>
    public static string Line => Commit is { } commit ? $"conformance {Number} (commit {commit})" : $"conformance {Number}";
}
