using System.Collections.Concurrent;
using Conformance.Door;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Vendors;

namespace Conformance.NUnit;

/// <summary>
/// The runs of a test process, one per vendor profile and host, made on first need (while NUnit builds the tests) and
/// kept until the process ends: fixtures that name the same profile and host share one run. A run that could not be
/// made is kept too, so every such fixture says the same why.
/// </summary>
internal static class SuiteRuns
{
    private static readonly ConcurrentDictionary<(string Profile, Type? Host), Lazy<RunResult>> Runs = new();

    public static RunResult For(string profile, Type? host) =>
        Runs.GetOrAdd((profile, host), key => new Lazy<RunResult>(() => Make(key.Profile, key.Host, Door()))).Value;

    private static RunDoor Door()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        return new RunDoor { Catalogue = catalogue, StartReference = ReferenceImplementations.Starter(catalogue) };
    }

    /// <summary>
    /// Through the door, as the CLI goes: the vendor profile and what this front end adds (a host's address, where the
    /// fixture names one); the door starts the reference implementation when the profile asks for it.
    /// </summary>
    internal static RunResult Make(string profile, Type? host, RunDoor door)
    {
        var vendor = VendorProfileLoader.Load(profile);
        var (overrides, hosted) = Host(vendor, host);
        using (hosted)
        using (var run = door.Open(vendor, overrides))
            return run.RunAsync().GetAwaiter().GetResult();
    }

    /// <summary>The API the fixture's host started, in place of the profile's base_url; none without a host.</summary>
    private static (RunOverrides Overrides, IDisposable? Running) Host(VendorProfile vendor, Type? host)
    {
        if (host is null) return (new RunOverrides(), null);
        if (!typeof(IConformanceHost).IsAssignableFrom(host) || host.GetConstructor(Type.EmptyTypes) is null)
            throw new ConfigurationException($"[ConformanceHost] names {host.FullName}, which is not an {nameof(IConformanceHost)} with a public parameterless constructor.");
        var (url, running) = ((IConformanceHost)Activator.CreateInstance(host)!).Start(vendor);
        return (new RunOverrides { Url = url.ToString() }, running);
    }
}
