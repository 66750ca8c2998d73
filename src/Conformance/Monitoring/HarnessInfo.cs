using System.Reflection;

namespace Conformance.Monitoring;

/// <summary>The harness's own version, recorded with every run so a change of verdict can be told from a change of harness.</summary>
public static class HarnessInfo
{
    public static string Version { get; } =
        typeof(HarnessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HarnessInfo).Assembly.GetName().Version?.ToString() ?? "unknown";
}
