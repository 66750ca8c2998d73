using System.Reflection;
using Conformance.Checks;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;
using Conformance.Vendors;

namespace Conformance.Door;

/// <summary>
/// The one way every front end starts a run (the CLI's run, the monitor's targets, the NUnit suites, and whatever comes
/// next): given the vendor profile and the front end's overrides, it checks every limit (<see cref="Limits"/>), starts the
/// reference implementation where the run asks for one (<see cref="StartReference"/>), and builds the request
/// (<see cref="RunRequest.From"/>, where every other policy lives). The run it opens prepares, probes, judges, writes the
/// reports and the certificate (<see cref="OpenRun"/>). A front end configures one door and parses its own input only.
/// </summary>
public sealed class RunDoor
{
    public required StandardCatalogue Catalogue { get; init; }
    /// <summary>How this front end starts a reference implementation; null where it cannot (a run asking for one is then refused).</summary>
    public ReferenceStarter? StartReference { get; init; }
    public Limits Limits { get; init; } = Limits.Standard;
    /// <summary>The checks a run may use (those the standard's profile cites are used), in the order results are reported.</summary>
    public IReadOnlyList<Check> Checks { get; init; } = CheckCatalogue.All;

    /// <summary>
    /// Opens a run: limits checked, the reference started if asked for, the request built. Nothing is sent yet. Dispose the
    /// run to stop what it started.
    /// </summary>
    public OpenRun Open(VendorProfile? vendor, RunOverrides overrides)
    {
        Limits.Check(overrides, vendor);
        StartedReference? reference = null;
        if (RunRequest.WantsReference(vendor, overrides) && RunRequest.StandardOf(vendor, overrides) is { } standard and not "auto")
            reference = (StartReference ?? throw new ConfigurationException("This front end cannot start reference implementations; give base_url."))(standard);
        try
        {
            var request = RunRequest.From(vendor, overrides, reference?.Url, reference?.Environment, reference?.Auth);
            return new OpenRun(request with { Options = request.Options with { Checks = Checks } }, Catalogue, vendor, reference);
        }
        catch
        {
            reference?.Server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The harness's own version (every assembly of it carries the same), named by certificates and recorded with every
    /// monitored run, so a change of verdict can be told from a change of harness.
    /// </summary>
    public static string HarnessVersion { get; } =
        typeof(RunDoor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunDoor).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// Whether an exception is a problem of the run's set-up (a profile, a spec, a flag, a file), not of the supplier or
    /// the harness: the CLI exits 2 for it, the monitor records the target as misconfigured, a suite says why it has no run.
    /// </summary>
    public static bool IsSetupError(Exception e) =>
        e is ConfigurationException or ProfileException or SpecLoadException or IOException or UnauthorizedAccessException;
}
