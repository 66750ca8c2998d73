using System.Collections.Concurrent;
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
        Runs.GetOrAdd((profile, host), key => new Lazy<RunResult>(() => Make(key.Profile, key.Host))).Value;

    /// <summary>
    /// As the CLI does it: the vendor profile and what the front end adds (here: the host's address), the reference
    /// implementation started when the profile asks for it; every policy stays in <see cref="RunRequest.From"/>.
    /// </summary>
    private static RunResult Make(string profile, Type? host)
    {
        var vendor = VendorProfileLoader.Load(profile);
        var catalogue = ConformanceRun.DefaultCatalogue();
        var (overrides, referenceUrl, running) = Start(vendor, host, catalogue);
        using (running)
        {
            var client = (running as ReferenceServer)?.Client;
            var request = RunRequest.From(vendor, overrides, referenceUrl, client?.Environment(), client?.Auth);
            var prepared = ConformanceRun.PrepareAsync(request, catalogue).GetAwaiter().GetResult();
            return ConformanceRun.ExecuteAsync(prepared).GetAwaiter().GetResult();
        }
    }

    private static (RunOverrides Overrides, Uri? ReferenceUrl, IDisposable? Running) Start(VendorProfile vendor, Type? host,
        Standards.StandardCatalogue catalogue)
    {
        if (host is not null)
        {
            if (!typeof(IConformanceHost).IsAssignableFrom(host) || host.GetConstructor(Type.EmptyTypes) is null)
                throw new ConfigurationException($"[ConformanceHost] names {host.FullName}, which is not an {nameof(IConformanceHost)} with a public parameterless constructor.");
            var (url, running) = ((IConformanceHost)Activator.CreateInstance(host)!).Start(vendor);
            return (new RunOverrides { Url = url.ToString() }, null, running);
        }
        var none = new RunOverrides();
        if (RunRequest.WantsReference(vendor, none) && RunRequest.StandardOf(vendor, none) is { } standard and not "auto")
        {
            var reference = ReferenceImplementations.Start(catalogue, standard);
            return (none, new Uri(reference.Url), reference);
        }
        return (none, null, null);
    }
}
